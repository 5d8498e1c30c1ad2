package org.memberdesk.service.diagnostics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.memberdesk.service.StateCode;
import org.memberdesk.service.UserError;

/**
 * The one-click fix of a finding: a stable action id, a label for the button and what the action
 * needs. {@link DiagnosticsService#applyFix} performs every action except {@link Action#OPEN_OFFERS},
 * which only opens the contact's Offers tab (granting needs the agent's judgement), and {@link
 * Action#CHECK_ADDRESS}, which only opens Edit contact (only the agent can tell the right address).
 *
 * <p>Actions and their parameters:
 * <ul>
 *   <li>{@code retry-email} {emailId}: retries a failed email (to the contact's current address)</li>
 *   <li>{@code resend-welcome} {offer}: resends that active offer's welcome email, password untouched</li>
 *   <li>{@code send-reset-link} {group?}: sends a reset link; with group, for that community group</li>
 *   <li>{@code unlock} {group?}: lifts a lock left by failed logins</li>
 *   <li>{@code edit-email} {suggested?}: changes the contact's email (the agent may change the suggestion:
 *       pass {@code email})</li>
 *   <li>{@code open-offers} {offer?}: opens the Offers tab</li>
 *   <li>{@code check-address} {emailId}: opens Edit contact, so the agent checks the address a hard
 *       bounce refused before anything is sent to it again</li>
 * </ul>
 */
public record Fix(Action action, String label, Map<String, String> params) {

    /** What a fix does; its code ("retry-email") is what the command line and JSON name it. */
    public enum Action implements StateCode {
        RETRY_EMAIL, RESEND_WELCOME, SEND_RESET_LINK, UNLOCK, EDIT_EMAIL, OPEN_OFFERS, CHECK_ADDRESS;

        /** The code, so an action in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        /** The action a code names (case and surrounding blanks ignored); refused with the codes there are. */
        public static Action parse(String code) {
            String which = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            for (Action action : values()) {
                if (action.code().equals(which)) {
                    return action;
                }
            }
            throw new UserError("unknown fix '" + (code == null ? "" : code.strip()) + "': use one of "
                    + Arrays.stream(values()).map(Action::code).collect(Collectors.joining(", ")));
        }
    }

    public Fix {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** True for a fix that only opens part of the contact window; the back end has nothing to do. */
    public boolean navigation() {
        return action == Action.OPEN_OFFERS || action == Action.CHECK_ADDRESS;
    }

    static Fix retryEmail(String emailId) {
        return new Fix(Action.RETRY_EMAIL, "Retry this email", Map.of("emailId", emailId));
    }

    static Fix checkAddress(String emailId) {
        return new Fix(Action.CHECK_ADDRESS, "Check the address", Map.of("emailId", emailId));
    }

    static Fix resendWelcome(String offer) {
        return new Fix(Action.RESEND_WELCOME, "Resend the welcome email for " + offer, Map.of("offer", offer));
    }

    static Fix sendResetLink(String group) {
        return group == null
                ? new Fix(Action.SEND_RESET_LINK, "Send a new reset link (membership)", Map.of())
                : new Fix(Action.SEND_RESET_LINK, "Send a new reset link (community group " + group + ")",
                        Map.of("group", group));
    }

    static Fix unlock(String group) {
        return group == null
                ? new Fix(Action.UNLOCK, "Unlock the Client Portal account", Map.of())
                : new Fix(Action.UNLOCK, "Unlock community group " + group, Map.of("group", group));
    }

    static Fix editEmail(String suggested) {
        return suggested == null
                ? new Fix(Action.EDIT_EMAIL, "Correct the email address", Map.of())
                : new Fix(Action.EDIT_EMAIL, "Change the email to " + suggested, Map.of("suggested", suggested));
    }

    static Fix openOffers(String offer) {
        return offer == null
                ? new Fix(Action.OPEN_OFFERS, "Open Offers", Map.of())
                : new Fix(Action.OPEN_OFFERS, "Open Offers", Map.of("offer", offer));
    }
}
