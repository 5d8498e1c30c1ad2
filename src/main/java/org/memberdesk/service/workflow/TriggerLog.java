package org.memberdesk.service.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.persistence.CommitSignal;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.JoinsTransaction;

/**
 * The one way trigger events are recorded: in the caller's transaction, together with the change
 * that caused them (a grant, a tag); the workflow engine of this process is woken once that
 * transaction has committed. Other processes' engines find the events when they next look.
 *
 * <p>What an event's {@code detail} holds, by type: Tag Added, the tag, then one line
 * {@code via workflow NAME} per workflow whose action added it (a workflow is never started by
 * a tag its own run added, directly or through others, so workflows cannot loop); Manual, the
 * workflow's id, the mode ({@code manual} or {@code test}) and who asked; Repeated Failed
 * Logins, what the portal says about the failure (e.g. the access).
 */
public final class TriggerLog {

    private static final String VIA = "via workflow ";

    private final CommitSignal committed = new CommitSignal();

    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public TriggerEvent record(Tx t, TriggerType type, Contact contact, Offer offer, String detail, Instant now) {
        TriggerEvent event = new TriggerEvent(type, contact, offer, detail, now);
        t.triggers().record(event);
        committed.afterCommitOf(t);
        return event;
    }

    /** A tag was added to a contact: by an agent ({@code via} empty) or by these workflows' actions. */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public TriggerEvent tagAdded(Tx t, Contact contact, String tag, List<String> via, Instant now) {
        StringBuilder detail = new StringBuilder(tag);
        for (String name : via) {
            detail.append('\n').append(VIA).append(name);
        }
        String text = detail.length() <= 1000 ? detail.toString() : tag;
        return record(t, TriggerType.TAG_ADDED, contact, null, text, now);
    }

    /** Runs after a transaction that recorded events has committed. */
    public void onRecorded(Runnable wakeUp) {
        committed.subscribe(wakeUp);
    }

    static String tagOf(String detail) {
        if (detail == null) {
            return "";
        }
        int newline = detail.indexOf('\n');
        return newline < 0 ? detail : detail.substring(0, newline);
    }

    static List<String> viaOf(String detail) {
        List<String> names = new ArrayList<>();
        if (detail != null) {
            for (String line : detail.split("\n")) {
                if (line.startsWith(VIA)) {
                    names.add(line.substring(VIA.length()));
                }
            }
        }
        return names;
    }

    /** A manual or test run asked for: "workflowId mode who". */
    record ManualRequest(UUID workflowId, WorkflowRun.Mode mode, String by) {

        String detail() {
            String text = workflowId + " " + mode.code() + " " + by;
            return text.length() <= 1000 ? text : text.substring(0, 1000);
        }

        static ManualRequest parse(String detail) {
            if (detail == null) {
                return null;
            }
            String[] parts = detail.split(" ", 3);
            if (parts.length < 2) {
                return null;
            }
            try {
                WorkflowRun.Mode mode = "test".equals(parts[1]) ? WorkflowRun.Mode.TEST : WorkflowRun.Mode.MANUAL;
                return new ManualRequest(UUID.fromString(parts[0]), mode, parts.length > 2 ? parts[2] : "");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
