package org.memberdesk.ui.viewmodel.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.service.email.DeliveryProgress;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.service.email.OutboxCounts;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * The outbox in the status bar: "Sending 3 of 12…" while a batch goes out, otherwise what is
 * waiting and what failed. Counts are read again after every batch and every {@link #RECOUNT},
 * so mail sent by other processes (the CLI, the portal) shows too.
 */
public final class OutboxStatusViewModel {

    public static final Duration RECOUNT = Duration.ofSeconds(10);

    private final EmailService emails;
    private final BackgroundExecutor executor;
    private final Messages messages;

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper failedText = new ReadOnlyStringWrapper(this, "failedText", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.NEUTRAL);
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");

    private final Runnable stopListening;
    private boolean closed;
    private Cancellable nextCount = Cancellable.NONE;
    private OutboxCounts counts;
    private int batchSize;

    /** Follows {@code feed} at once; the first count comes with {@link #recount()}. */
    public OutboxStatusViewModel(EmailService emails, DeliveryFeed feed, BackgroundExecutor executor,
                                 Messages messages) {
        this.emails = emails;
        this.executor = executor;
        this.messages = messages;
        stopListening = feed.listen(this::onDelivery);
    }

    void close() {
        closed = true;
        stopListening.run();
        nextCount.cancel();
    }

    /** Reads the counts again now (after a retry, say). */
    public void recount() {
        if (closed) {
            return;
        }
        nextCount.cancel();
        executor.submit(emails::outboxCounts, this::showCounts, failure -> scheduleRecount());
    }

    void onDelivery(DeliveryProgress event) {
        switch (event.phase()) {
            case BATCH_STARTED -> {
                batchSize = event.batchSize();
                showSending(0);
            }
            case MESSAGE_UPDATED -> {
                if (event.batchSize() > 0 && sending.get()) {
                    showSending(event.done());
                }
            }
            case BATCH_FINISHED -> {
                sending.set(false);
                batchSize = 0;
                progress.set(0);
                if (counts != null) {
                    showCounts(counts);
                }
                recount();
            }
            default -> { }
        }
    }

    private void showSending(int done) {
        sending.set(true);
        int current = Math.min(done + 1, batchSize);
        progress.set(batchSize == 0 ? -1 : (double) done / batchSize);
        text.set(messages.get("outbox.sending", current, batchSize));
        summary.set(text.get());
        tone.set(Tone.PENDING);
    }

    private void showCounts(OutboxCounts now) {
        counts = now;
        if (!sending.get()) {
            long waiting = now.queued() + now.sending();
            List<String> parts = new ArrayList<>();
            if (waiting > 0) {
                parts.add(messages.get("outbox.queued", waiting));
            }
            if (now.retrying() > 0) {
                parts.add(messages.get("outbox.retrying", now.retrying()));
            }
            failedText.set(now.failed() > 0 ? messages.get("outbox.failed", now.failed()) : "");
            String failedApart = now.failed() > 0 ? " \u00b7" : "";
            summary.set(parts.isEmpty()
                    ? now.failed() > 0 ? messages.get("outbox.counts", "").strip() : messages.get("outbox.nothingWaiting")
                    : messages.get("outbox.counts", String.join(" \u00b7 ", parts)) + failedApart);
            if (now.failed() > 0) {
                parts.add(failedText.get());
            }
            text.set(parts.isEmpty() ? messages.get("outbox.nothingWaiting")
                    : messages.get("outbox.counts", String.join(" \u00b7 ", parts)));
            tone.set(now.failed() > 0 ? Tone.CAUTION : waiting + now.retrying() > 0 ? Tone.PENDING : Tone.NEUTRAL);
            details.set(now.failed() > 0 ? messages.get("outbox.failedHint") : messages.get("outbox.hint"));
        }
        scheduleRecount();
    }

    private void scheduleRecount() {
        nextCount.cancel();
        if (!closed) {
            nextCount = executor.schedule(RECOUNT, this::recount);
        }
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /**
     * The status bar's text without the failed count, which {@link #failedTextProperty()} holds for a
     * link of its own: "Outbox: 2 queued ·" and "1 failed".
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "3 failed", or empty when nothing failed: what opens Outbox problems. */
    public ReadOnlyStringProperty failedTextProperty() {
        return failedText.getReadOnlyProperty();
    }

    /** A tooltip: what the counts mean and what to do about failed mail. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** True while a batch is going out. */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Share of the batch done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
