package org.memberdesk.ui.viewmodel.mail;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.credentials.SignInLinks;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * Send login email… for many contacts: the ones chosen in the list, or everyone the search finds. It
 * first says how many would get a link and who is over the hourly limit (and will be skipped), then
 * sends in the background with a progress bar, and lists who was skipped and why.
 */
public final class LoginEmailsViewModel {

    private final SignInLinks signInLinks;
    private final EmailTemplatesViewModel.Tools tools;
    private final Supplier<List<String>> audience;
    private final String describedAudience;

    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ObservableList<String> skipped = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final Command call;
    private List<String> emails = List.of();

    /**
     * {@code audience} gives the addresses (read in the background: a search may find thousands);
     * {@code describedAudience} says in words who they are ("the 3 selected contacts").
     */
    public LoginEmailsViewModel(SignInLinks signInLinks, EmailTemplatesViewModel.Tools tools,
                                Supplier<List<String>> audience, String describedAudience) {
        this.signInLinks = signInLinks;
        this.tools = tools;
        this.audience = audience;
        this.describedAudience = describedAudience;
        this.call = new Command(tools.executor(), failure -> {
            progress.set(0);
            error.set(Failures.describe(failure, tools.messages()));
        });
    }

    /** Reads who they are and what a send would do now. */
    public void load() {
        call.run(() -> {
            List<String> found = audience.get();
            return new Loaded(found, found.isEmpty() ? null : signInLinks.preview(found));
        }, loaded -> {
            emails = loaded.emails();
            if (loaded.preview() == null) {
                error.set(tools.messages().get("loginEmails.nobody"));
                return;
            }
            int over = loaded.preview().overLimit().size();
            preview.set(tools.messages().get("loginEmails.preview", describedAudience, loaded.preview().ready().size(),
                    over));
            skipped.setAll(loaded.preview().overLimit().stream().map(s -> s.email() + ": " + s.reason()).toList());
            ready.set(!loaded.preview().ready().isEmpty());
        });
    }

    private record Loaded(List<String> emails, SignInLinks.Preview preview) {
    }

    /** Sends one link to each, in the background; the bar follows and the summary says what happened. */
    public void send() {
        if (!ready.get() || call.isRunning() || finished.get()) {
            return;
        }
        List<String> to = emails;
        error.set("");
        progress.set(-1);
        call.run(() -> signInLinks.sendMany(to, tools.agent(), p -> tools.executor().publish(() ->
                progress.set(p.total() == 0 ? 1 : (double) p.done() / p.total()))), result -> {
            progress.set(1);
            finished.set(true);
            skipped.setAll(result.skipped().stream().map(s -> s.email() + ": " + s.reason()).toList());
            summary.set(tools.messages().get("loginEmails.summary", result.sent().size(), result.skipped().size()));
        });
    }

    /** "Everyone the search “gold” finds: 12 get a sign-in link, 1 is over the hourly limit and is skipped." */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Who is (or was) skipped, with why. */
    public ObservableList<String> skipped() {
        return skipped;
    }

    /** 0 to 1; -1 until the first contact is done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Someone would get a link: Send is offered. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return call.runningProperty();
    }
}
