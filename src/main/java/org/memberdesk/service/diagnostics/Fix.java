package org.memberdesk.service.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-click fix of a finding: a stable action id, a label for the button and what the action
 * needs. {@link DiagnosticsService#applyFix} performs every action except {@link #OPEN_OFFERS},
 * which only opens the contact's Offers tab (granting needs the agent's judgement).
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
 * </ul>
 */
public record Fix(String action, String label, Map<String, String> params) {

    public static final String RETRY_EMAIL = "retry-email";
    public static final String RESEND_WELCOME = "resend-welcome";
    public static final String SEND_RESET_LINK = "send-reset-link";
    public static final String UNLOCK = "unlock";
    public static final String EDIT_EMAIL = "edit-email";
    public static final String OPEN_OFFERS = "open-offers";

    public static final List<String> ACTIONS =
            List.of(RETRY_EMAIL, RESEND_WELCOME, SEND_RESET_LINK, UNLOCK, EDIT_EMAIL, OPEN_OFFERS);

    public Fix {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** True for a fix that only opens part of the contact window; the back end has nothing to do. */
    public boolean navigation() {
        return OPEN_OFFERS.equals(action);
    }

    static Fix retryEmail(String emailId) {
        return new Fix(RETRY_EMAIL, "Retry this email", Map.of("emailId", emailId));
    }

    static Fix resendWelcome(String offer) {
        return new Fix(RESEND_WELCOME, "Resend the welcome email for " + offer, Map.of("offer", offer));
    }

    static Fix sendResetLink(String group) {
        return group == null
                ? new Fix(SEND_RESET_LINK, "Send a new reset link (membership)", Map.of())
                : new Fix(SEND_RESET_LINK, "Send a new reset link (community group " + group + ")",
                        Map.of("group", group));
    }

    static Fix unlock(String group) {
        return group == null
                ? new Fix(UNLOCK, "Unlock the Client Portal account", Map.of())
                : new Fix(UNLOCK, "Unlock community group " + group, Map.of("group", group));
    }

    static Fix editEmail(String suggested) {
        return suggested == null
                ? new Fix(EDIT_EMAIL, "Correct the email address", Map.of())
                : new Fix(EDIT_EMAIL, "Change the email to " + suggested, Map.of("suggested", suggested));
    }

    static Fix openOffers(String offer) {
        return offer == null
                ? new Fix(OPEN_OFFERS, "Open Offers", Map.of())
                : new Fix(OPEN_OFFERS, "Open Offers", Map.of("offer", offer));
    }
}
