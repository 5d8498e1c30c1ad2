package org.memberdesk.mail;

import java.time.Duration;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.TokenPurpose;

/**
 * A rendered email ready for the outbox. Any link in it is shown with {@link PortalLinks#HIDDEN_TOKEN}
 * in place of its token; {@code linkPurpose} and {@code linkTtl} tell the dispatcher what to mint.
 */
public record ComposedEmail(EmailKind kind, Offer offer, CommunityGroup group, String subject, String text,
                            String html, TokenPurpose linkPurpose, Duration linkTtl) {

    public boolean carriesLink() {
        return linkPurpose != null;
    }
}
