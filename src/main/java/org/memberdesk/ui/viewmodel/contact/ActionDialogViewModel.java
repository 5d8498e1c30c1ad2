package org.memberdesk.ui.viewmodel.contact;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.ChangedMeanwhileState;
import org.memberdesk.ui.viewmodel.Command;

/**
 * What every dialog of the contact actions shares: a title, a one-line "when to use it", a busy
 * flag while its call runs, the service's refusal shown in the dialog (nothing changed), and
 * {@link #doneProperty() done} once it succeeded, when the window closes.
 */
public abstract class ActionDialogViewModel {

    protected final BackgroundExecutor executor;
    protected final Messages messages;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper whenToUse = new ReadOnlyStringWrapper(this, "whenToUse", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ChangedMeanwhileState meanwhile;
    private final Command call;

    protected ActionDialogViewModel(BackgroundExecutor executor, Messages messages, String title, String whenToUse) {
        this(executor, messages, new ChangedMeanwhileState(messages, null, "meanwhile.changed", "meanwhile.keepsTyped"),
                title, whenToUse);
    }

    /** {@code meanwhile}: what the dialog says when someone else changed what it edits since it was filled. */
    protected ActionDialogViewModel(BackgroundExecutor executor, Messages messages, ChangedMeanwhileState meanwhile,
                                    String title, String whenToUse) {
        this.executor = executor;
        this.messages = messages;
        this.title.set(title);
        this.whenToUse.set(whenToUse == null ? "" : whenToUse);
        this.meanwhile = meanwhile;
        this.call = new Command(executor, failure -> {
            error.set(meanwhile.failed(failure));
            refused(failure);
        });
    }

    /** Runs {@code work} in the background; its refusal shows in the dialog, which stays open. */
    protected <T> void run(Callable<T> work, Consumer<T> succeeded) {
        if (call.isRunning()) {
            return;
        }
        error.set("");
        call.run(work, result -> {
            meanwhile.succeeded();
            succeeded.accept(result);
        });
    }

    /** After {@link #errorProperty()} shows a refusal: a form may also mark the field it concerns. */
    protected void refused(Exception failure) {
    }

    protected void finish() {
        done.set(true);
    }

    protected void showError(String text) {
        error.set(text == null ? "" : text);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** One line: when this action is the right one. */
    public ReadOnlyStringProperty whenToUseProperty() {
        return whenToUse.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return call.runningProperty();
    }

    /** Why the last attempt changed nothing; empty when there is nothing to say. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * True after a save was refused because someone changed the same thing since the dialog was
     * filled: the dialog offers Reload; false again once a call succeeds.
     */
    public ReadOnlyBooleanProperty changedMeanwhileProperty() {
        return meanwhile.property();
    }

    /** True once the action went through: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
