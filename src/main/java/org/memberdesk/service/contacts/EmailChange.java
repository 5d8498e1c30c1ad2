package org.memberdesk.service.contacts;

import java.util.List;
import org.memberdesk.service.StateCode;
import org.memberdesk.service.email.EmailView;

/**
 * What changing a contact's email did to the ways into the account, and what to send the new
 * address next. Every link that could set a password or sign in was mailed to the old address, so
 * the change cancels them all; a password chosen through such a link is cleared, and every
 * signed-in browser is signed out.
 *
 * @param accesses             the accesses the change touched (only those it did something to)
 * @param queuedLinksCancelled emails with a link still waiting to go to the old address, cancelled
 * @param notice               the email that tells the old address (no link, the new address masked)
 * @param followUps            what the agent may send to the new address, the first being the main one
 */
public record EmailChange(String oldEmail, String newEmail, List<AccessEffect> accesses, int queuedLinksCancelled,
                          EmailView notice, List<FollowUp> followUps) {

    /** The membership (group null) or one community group, and what the change did to it. */
    public record AccessEffect(String group, int linksRevoked, int sessionsEnded, boolean passwordCleared) {

        public String scope() {
            return group == null ? "membership" : "community";
        }

        /** "membership (Client Portal)" or "community group Founders Circle". */
        public String access() {
            return group == null ? "membership (Client Portal)" : "community group " + group;
        }

        boolean affected() {
            return linksRevoked > 0 || sessionsEnded > 0 || passwordCleared;
        }
    }

    /**
     * Something to send to the new address: the welcome of an active offer ({@code offer} set), or a
     * reset link for the membership ({@code group} null) or one community group.
     */
    public record FollowUp(Action action, String offer, String group) {

        public enum Action implements StateCode {
            RESEND_WELCOME, RESET_LINK;

            /** The code, so an action in a message reads as it does in JSON. */
            @Override
            public String toString() {
                return code();
            }
        }

        public boolean welcome() {
            return action == Action.RESEND_WELCOME;
        }
    }

    public int linksRevoked() {
        return accesses.stream().mapToInt(AccessEffect::linksRevoked).sum();
    }

    public int sessionsEnded() {
        return accesses.stream().mapToInt(AccessEffect::sessionsEnded).sum();
    }

    /** The accesses whose password was cleared. */
    public List<String> passwordsCleared() {
        return accesses.stream().filter(AccessEffect::passwordCleared).map(AccessEffect::access).toList();
    }

    /**
     * One plain line: "membership (Client Portal): 1 link revoked, password cleared; community group
     * Founders Circle: 1 session ended", or that nothing was outstanding.
     */
    public String summary() {
        if (accesses.isEmpty()) {
            return "no outstanding link, session or emailed password was affected";
        }
        StringBuilder line = new StringBuilder();
        for (AccessEffect a : accesses) {
            List<String> parts = new java.util.ArrayList<>();
            if (a.linksRevoked() > 0) {
                parts.add(a.linksRevoked() + (a.linksRevoked() == 1 ? " link" : " links") + " revoked");
            }
            if (a.sessionsEnded() > 0) {
                parts.add(a.sessionsEnded() + (a.sessionsEnded() == 1 ? " session" : " sessions") + " ended");
            }
            if (a.passwordCleared()) {
                parts.add("password cleared");
            }
            line.append(line.length() == 0 ? "" : "; ").append(a.access()).append(": ")
                    .append(String.join(", ", parts));
        }
        return line.toString();
    }

    /** The main thing to send the new address. */
    public FollowUp followUp() {
        return followUps.get(0);
    }
}
