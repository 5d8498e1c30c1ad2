package org.memberdesk.ui.view.common;

import java.util.Optional;
import org.memberdesk.ui.view.common.WindowFit.Box;

/** Where each kind of window (Activity, a contact, …) was last closed, kept between runs. */
public interface WindowMemory {

    /** Remembers nothing: every window opens at its own size. */
    WindowMemory NONE = new WindowMemory() {
        @Override
        public Optional<Box> recall(String kind) {
            return Optional.empty();
        }

        @Override
        public void remember(String kind, Box bounds) {
        }
    };

    Optional<Box> recall(String kind);

    /** Called on the FX thread: an implementation that stores must not block it. */
    void remember(String kind, Box bounds);
}
