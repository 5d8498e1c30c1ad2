package org.memberdesk.testsupport;

/** A {@link ServicesCase} whose services send mail to a GreenMail server on a free port, {@link #smtp}. */
public abstract class SmtpServicesCase extends ServicesCase {

    @Override
    final boolean deliversMail() {
        return true;
    }
}
