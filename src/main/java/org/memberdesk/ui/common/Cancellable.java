package org.memberdesk.ui.common;

/** Handle on submitted or scheduled work: after {@link #cancel()} none of its callbacks run. */
@FunctionalInterface
public interface Cancellable {

    Cancellable NONE = () -> { };

    void cancel();
}
