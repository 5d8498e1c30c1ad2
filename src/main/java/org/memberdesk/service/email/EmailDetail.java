package org.memberdesk.service.email;

import java.time.Instant;
import java.util.List;
import org.memberdesk.service.credentials.LinkPurpose;
import org.memberdesk.service.credentials.LinkState;

/**
 * One email opened in Email History: the stored bodies (any link shows its token hidden), the
 * delivery state and the links minted for it.
 *
 * @param linkPurpose what the link it carries is for, or null when it carries none
 * @param retryable   true when {@link EmailService#retry} would accept it (a failed email)
 */
public record EmailDetail(EmailView email, String bodyText, String bodyHtml, Instant nextAttemptAt,
                          LinkPurpose linkPurpose, Long linkTtlSeconds, boolean retryable, List<LinkView> links) {

    /** A link minted for this email: its state now, and when it was opened or used. Never the token. */
    public record LinkView(LinkPurpose purpose, LinkState state, Instant createdAt, Instant expiresAt,
                           Instant firstOpenedAt, Instant usedAt) {
    }
}
