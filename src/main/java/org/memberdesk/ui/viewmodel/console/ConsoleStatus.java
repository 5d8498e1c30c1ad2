package org.memberdesk.ui.viewmodel.console;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.ui.common.Messages;

/**
 * The main window's status bar and its pop-up: the status line, the contact count and a
 * notification shown once. The console writes them while it starts; the open session afterwards.
 */
public final class ConsoleStatus {

    private final Messages messages;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper contactCount = new ReadOnlyStringWrapper(this, "contactCount", "");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper(this, "notification", "");

    public ConsoleStatus(Messages messages) {
        this.messages = messages;
    }

    /** Says {@code text} in the status line. */
    public void say(String text) {
        message.set(text);
    }

    /** Pops {@code text} up once and says it in the status line too. */
    public void announce(String text) {
        notification.set(text);
        message.set(text);
    }

    /** Pops {@code text} up once. */
    public void popUp(String text) {
        notification.set(text);
    }

    public void dismissNotification() {
        notification.set("");
    }

    public void showContactCount(long contacts) {
        contactCount.set(messages.get("console.contactCount", contacts));
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contactCountProperty() {
        return contactCount.getReadOnlyProperty();
    }

    /** A message to pop up once; empty when there is none. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }
}
