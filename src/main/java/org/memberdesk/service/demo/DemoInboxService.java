package org.memberdesk.service.demo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.memberdesk.mail.DemoMailbox;

/** "Inbox (demo)": what the demo mail servers of every process of this data directory received. */
public final class DemoInboxService {

    public record DemoMailSummary(String id, String from, String to, String subject, Instant receivedAt) {
    }

    /** One demo message opened; {@code links} are the addresses a recipient could click, in order. */
    public record DemoMailView(DemoMailSummary summary, String text, String html, List<String> links) {
    }

    private final DemoMailbox mailbox;

    public DemoInboxService(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** Newest first; read from disk on every call, so mail sent by the CLI shows up too. */
    public List<DemoMailSummary> list() {
        return mailbox.list().stream().map(DemoInboxService::summary).toList();
    }

    /** Empties the demo inbox ("Reset demo"); returns how many messages were deleted. */
    public int clear() {
        return mailbox.clear();
    }

    public Optional<DemoMailView> open(String id) {
        return mailbox.open(id).map(o -> new DemoMailView(summary(o.summary()), o.text(), o.html(), o.links()));
    }

    private static DemoMailSummary summary(DemoMailbox.Summary s) {
        return new DemoMailSummary(s.id(), s.from(), s.to(), s.subject(), s.receivedAt());
    }
}
