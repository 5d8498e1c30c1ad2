package org.memberdesk.ui.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.memberdesk.service.UserError;
import org.memberdesk.ui.common.Messages;

/**
 * What a form that carries the version it loaded says when its save is refused because someone
 * changed the same thing since: what changed, who and when (in local time), and what Reload does;
 * and whether Reload is offered ({@link #property()}), until a call goes through.
 */
public final class ChangedMeanwhileState {

    private final ReadOnlyBooleanWrapper changedMeanwhile = new ReadOnlyBooleanWrapper(this, "changedMeanwhile");
    private final Messages messages;
    private final DisplayTime time;
    private final String subjectKey;
    private final String reloadKey;

    /**
     * {@code subjectKey}: the message saying what changed ("This contact was changed"); {@code
     * reloadKey}: the one saying what became of the typed values and what Reload does; {@code time}
     * null: the service's own sentence instead.
     */
    public ChangedMeanwhileState(Messages messages, DisplayTime time, String subjectKey, String reloadKey) {
        this.messages = messages;
        this.time = time;
        this.subjectKey = subjectKey;
        this.reloadKey = reloadKey;
    }

    /** Notes whether a failed call was such a refusal, and returns what to show for it. */
    public String failed(Exception failure) {
        boolean refused = failure instanceof UserError.ChangedMeanwhile;
        changedMeanwhile.set(refused);
        String text = Failures.describe(failure, messages, time, messages.get(subjectKey));
        return refused && time != null ? text + " " + messages.get(reloadKey) : text;
    }

    /** A call went through: Reload is no longer offered. */
    public void succeeded() {
        changedMeanwhile.set(false);
    }

    /** True after a save was refused because someone changed the same thing since the form was filled. */
    public ReadOnlyBooleanProperty property() {
        return changedMeanwhile.getReadOnlyProperty();
    }
}
