package org.memberdesk.ui.viewmodel.mail;

/**
 * One choice of SMTP security: its code for the service, its label and the port a server usually
 * listens on with it. {@code toString} is the label, so a combo box shows it as it is.
 */
public record SecurityChoice(String code, String label, int usualPort) {

    @Override
    public String toString() {
        return label;
    }
}
