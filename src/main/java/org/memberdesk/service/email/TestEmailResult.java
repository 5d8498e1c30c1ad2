package org.memberdesk.service.email;

/**
 * The outcome of "Send test email".
 *
 * @param reply   the SMTP server's own reply ("250 2.0.0 Ok", "535 5.7.8 Authentication failed",
 *                or why no connection was made)
 * @param message one sentence for the user
 */
public record TestEmailResult(boolean sent, String reply, String message, boolean demoMode) {
}
