package org.memberdesk.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.memberdesk.service.email.DeliveryProgress;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.ui.common.BackgroundExecutor;

/**
 * This console's mail delivery progress, handed to listeners on the UI thread: the status bar, an
 * open Inbox (demo) and every open Email History. One subscription to the dispatcher serves all.
 */
public final class DeliveryFeed {

    private final BackgroundExecutor executor;
    private final List<Consumer<DeliveryProgress>> listeners = new ArrayList<>();
    private Runnable unsubscribe = () -> { };

    /** A feed that follows the dispatcher of {@code emails}: events arrive on its thread and are passed on on the UI thread. */
    public DeliveryFeed(BackgroundExecutor executor, EmailService emails) {
        this.executor = executor;
        unsubscribe = emails.onDelivery(progress -> executor.publish(() -> fire(progress)));
    }

    /** A feed that follows no dispatcher: only what {@link #fire} hands it (tests, windows shown on their own). */
    public DeliveryFeed(BackgroundExecutor executor) {
        this.executor = executor;
    }

    /** Called on the UI thread; returns what stops the listener. */
    public Runnable listen(Consumer<DeliveryProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Stops listening to the dispatcher and forgets every listener. */
    public void close() {
        unsubscribe.run();
        unsubscribe = () -> { };
        listeners.clear();
    }

    public void fire(DeliveryProgress progress) {
        for (Consumer<DeliveryProgress> listener : List.copyOf(listeners)) {
            listener.accept(progress);
        }
    }
}
