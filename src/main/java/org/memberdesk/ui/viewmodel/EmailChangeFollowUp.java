package org.memberdesk.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.memberdesk.service.Actor;
import org.memberdesk.service.contacts.EmailChange;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;

/**
 * After an agent changed a contact's email (Edit contact, or Diagnose's fix): says what that
 * cancelled, for which access, and offers to send the new address what it needs now: the welcome
 * of an active offer, else a reset link. One question; "Not now" sends nothing.
 */
public final class EmailChangeFollowUp {

    private final CredentialService credentials;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;

    public EmailChangeFollowUp(CredentialService credentials, BackgroundExecutor executor, DialogService dialogs,
                               Messages messages) {
        this.credentials = credentials;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /**
     * Asks, and when the agent agrees sends it as {@code agent}; {@code outcome} gets the one line
     * to show afterwards (on the UI thread), whatever was chosen.
     */
    public void offer(EmailChange change, Actor agent, Consumer<String> outcome) {
        EmailChange.FollowUp next = change.followUp();
        String newEmail = change.newEmail();
        String question = next.welcome()
                ? messages.get("emailChange.offer.welcome", next.offer(), newEmail)
                : messages.get("emailChange.offer.reset", access(next.group()), newEmail);
        boolean send = dialogs.confirm(messages.get("emailChange.title"), question, details(change),
                messages.get(next.welcome() ? "emailChange.send.welcome" : "emailChange.send.reset"),
                messages.get("emailChange.notNow"));
        String changed = messages.get("emailChange.done", change.oldEmail(), newEmail);
        if (!send) {
            outcome.accept(changed + " " + messages.get("emailChange.nothingSent", newEmail));
            return;
        }
        executor.submit(() -> next.welcome()
                        ? credentials.resendWelcome(newEmail, next.offer(), true, agent)
                        : credentials.sendResetLink(newEmail, next.group(), null, agent),
                sent -> outcome.accept(changed + " " + (next.welcome()
                        ? messages.get("emailChange.sent.welcome", next.offer(), sent.recipient())
                        : messages.get("emailChange.sent.reset", access(next.group()), sent.recipient()))),
                failure -> {
                    dialogs.showError(messages.get("emailChange.sendFailed"), Failures.describe(failure, messages));
                    outcome.accept(changed);
                });
    }

    /** Per access, what was cancelled; then that the old address is told. */
    String details(EmailChange change) {
        List<String> lines = new ArrayList<>();
        if (change.accesses().isEmpty()) {
            lines.add(messages.get("emailChange.nothingOutstanding"));
        }
        for (EmailChange.AccessEffect a : change.accesses()) {
            lines.add(messages.get("emailChange.access", access(a.group()), a.linksRevoked(), a.sessionsEnded(),
                    a.passwordCleared() ? messages.get("emailChange.passwordCleared")
                            : messages.get("emailChange.passwordKept")));
        }
        if (change.queuedLinksCancelled() > 0) {
            lines.add(messages.get("emailChange.queuedCancelled", change.queuedLinksCancelled(), change.oldEmail()));
        }
        lines.add(messages.get("emailChange.noticeQueued", change.oldEmail()));
        return String.join("\n", lines);
    }

    private String access(String group) {
        return group == null ? messages.get("access.portal") : messages.get("access.community", group);
    }
}
