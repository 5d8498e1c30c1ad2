package org.memberdesk.service.diagnostics;

import java.util.List;

/** The stable codes of findings. Scripts and the console key on these; never rename one. */
public final class DiagnosticCodes {

    /** The address cannot be right (quoted, spaces, a bad domain...). Fix: edit-email. */
    public static final String EMAIL_MALFORMED = "email-malformed";
    /** The domain is one letter away from a common one (gmial.com). Fix: edit-email {suggested}. */
    public static final String EMAIL_DOMAIN_TYPO = "email-domain-typo";
    /** No active offer at all. Fix: open-offers. */
    public static final String NO_ACTIVE_OFFER = "no-active-offer";
    /** The offer asked about was revoked. Fix: open-offers {offer}. */
    public static final String OFFER_REVOKED = "offer-revoked";
    /** The offer asked about has expired. Fix: open-offers {offer}. */
    public static final String OFFER_EXPIRED = "offer-expired";
    /** Asks about an offer they never had, while holding another. Fix: open-offers {offer}. */
    public static final String WRONG_MEMBERSHIP = "wrong-membership";
    /** Community access only, no membership offer (problem when asking about membership, else info). */
    public static final String COMMUNITY_ACCESS_ONLY = "community-access-only";
    /** Asks about membership, knows a community password, never set the membership one. Fix: send-reset-link. */
    public static final String COMMUNITY_PASSWORD_NOT_MEMBERSHIP = "community-password-not-membership";
    /** Asks about a community group they are not a member of. No fix. */
    public static final String NOT_IN_COMMUNITY = "not-in-community";
    /** Locked after failed logins. Fix: unlock {group?}. */
    public static final String ACCOUNT_LOCKED = "account-locked";
    /** The latest link expired unused. Fix: send-reset-link {group?}. */
    public static final String LINK_EXPIRED = "link-expired";
    /** The latest link was already used. Fix: send-reset-link {group?}. */
    public static final String LINK_USED = "link-used";
    /** An older link was opened after a newer one replaced it. Fix: send-reset-link {group?}. */
    public static final String LINK_SUPERSEDED = "link-superseded";
    /** No password ever set. Fix: resend-welcome {offer} or send-reset-link {group?}. */
    public static final String PASSWORD_NEVER_SET = "password-never-set";
    /**
     * The last welcome or reset email was refused with a 5xx reply, or bounced later (a delivery status
     * report). Fix: check-address for a hard bounce (the recipient refused), else retry-email; resend.
     */
    public static final String EMAIL_BOUNCED = "email-bounced";
    /** The last welcome or reset email failed for good without a 5xx reply. Fix: retry-email, resend. */
    public static final String EMAIL_FAILED = "email-failed";
    /** The last welcome or reset email is still waiting in the outbox. No fix. */
    public static final String EMAIL_QUEUED = "email-queued";
    /** An active offer whose welcome email was never sent. Fix: resend-welcome {offer}. */
    public static final String WELCOME_NEVER_SENT = "welcome-never-sent";
    /** Says it never arrived, but the server accepted it: spam or junk. Fix: resend / send-reset-link. */
    public static final String EMAIL_SENT_CHECK_SPAM = "email-sent-check-spam";
    /** A link opened seconds after delivery and never used: a mail scanner. No fix. */
    public static final String LINK_OPENED_BY_SCANNER = "link-opened-by-scanner";

    public static final List<String> ALL = List.of(EMAIL_MALFORMED, EMAIL_DOMAIN_TYPO, NO_ACTIVE_OFFER, OFFER_REVOKED,
            OFFER_EXPIRED, WRONG_MEMBERSHIP, COMMUNITY_ACCESS_ONLY, COMMUNITY_PASSWORD_NOT_MEMBERSHIP,
            NOT_IN_COMMUNITY, ACCOUNT_LOCKED, LINK_EXPIRED, LINK_USED, LINK_SUPERSEDED, PASSWORD_NEVER_SET,
            EMAIL_BOUNCED, EMAIL_FAILED, EMAIL_QUEUED, WELCOME_NEVER_SENT, EMAIL_SENT_CHECK_SPAM,
            LINK_OPENED_BY_SCANNER);

    private DiagnosticCodes() {
    }
}
