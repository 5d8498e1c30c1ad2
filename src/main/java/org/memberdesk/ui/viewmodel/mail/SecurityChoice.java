package org.memberdesk.ui.viewmodel.mail;

import org.memberdesk.service.email.MailSecurity;

/**
 * One choice of SMTP security and its label. {@code toString} is the label, so a combo box shows it
 * as it is.
 */
public record SecurityChoice(MailSecurity security, String label) {

    /** The port a server usually listens on with this security. */
    public int usualPort() {
        return security.usualPort();
    }

    @Override
    public String toString() {
        return label;
    }
}
