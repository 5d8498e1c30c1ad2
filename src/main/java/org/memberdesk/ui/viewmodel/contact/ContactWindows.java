package org.memberdesk.ui.viewmodel.contact;

import java.util.UUID;
import java.util.function.Supplier;

/** Where contact windows live: one per contact; showing an open one brings it to the front. */
public interface ContactWindows {

    /** Shows the contact's window, creating its view model with {@code model} only when none is open. */
    void show(UUID contactId, Supplier<ContactViewModel> model);

    /** Closes every contact window (Reset demo: the contacts they show are gone). */
    default void closeAll() {
    }
}
