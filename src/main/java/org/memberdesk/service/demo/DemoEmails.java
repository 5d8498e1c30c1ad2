package org.memberdesk.service.demo;

import org.memberdesk.domain.EmailKind;

/** Plain bodies for generated sample histories (benchmarks): cheap to make in bulk, no templates. */
final class DemoEmails {

    private DemoEmails() {
    }

    static String subject(EmailKind kind, String offer) {
        return switch (kind) {
            case WELCOME -> "Your access to " + offer + " is ready";
            case RESET_LINK -> "Reset your membership password";
            case PASSWORD_CHANGED -> "Your membership password was changed";
            case COMMUNITY_WELCOME -> "You have joined a community group";
            case COMMUNITY_RESET_LINK -> "Reset your community group password";
            case COMMUNITY_PASSWORD_CHANGED -> "Your community group password was changed";
            case TEST -> "MemberDesk test email";
            case ADDRESS_CHANGED -> "The email address of your account was changed";
            case VERIFICATION_CODE -> "Your code for our support team";
            case LOGIN_LINK -> "Your sign-in link";
        };
    }

    static String text(EmailKind kind, String name, String offer) {
        return switch (kind) {
            case WELCOME -> "Hi " + name + ",\n\nYou now have access to " + offer
                    + ". Sign in to the Client Portal with this email address.\n\nLink: [link redacted]";
            case RESET_LINK -> "Hi " + name + ",\n\nUse this link to choose a new membership password."
                    + "\n\nLink: [link redacted]";
            case PASSWORD_CHANGED -> "Hi " + name + ",\n\nYour membership password was just changed.";
            case COMMUNITY_WELCOME -> "Hi " + name + ",\n\nWelcome to the group. It has its own password,"
                    + " separate from your membership.";
            case COMMUNITY_RESET_LINK -> "Hi " + name + ",\n\nUse this link to choose a new community group"
                    + " password.\n\nLink: [link redacted]";
            case COMMUNITY_PASSWORD_CHANGED -> "Hi " + name + ",\n\nYour community group password was changed.";
            case TEST -> "This is a test.";
            case ADDRESS_CHANGED -> "Hi " + name + ",\n\nThe email address of your account was changed.";
            case VERIFICATION_CODE -> "Hi " + name + ",\n\nRead this code to our support team: [code redacted]";
            case LOGIN_LINK -> "Hi " + name + ",\n\nSign in to the Client Portal with this link.\n\nLink: [link redacted]";
        };
    }

    static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><body><p>" + escaped.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
    }
}
