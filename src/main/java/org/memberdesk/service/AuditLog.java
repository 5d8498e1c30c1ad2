package org.memberdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Contact;
import org.memberdesk.persistence.Tx;

/** Records who did what to which contact, in the same transaction as the action itself. */
public final class AuditLog {

    public record Entry(UUID id, Instant at, String agent, String origin, String action, UUID contactId,
                        String contactEmail, String detail, String outcome) {

        public static Entry of(AuditEvent e) {
            return new Entry(e.getId(), e.getAt(), e.getAgent(), e.getOrigin().code(), e.getAction(),
                    e.getContactId(), e.getContactEmail(), e.getDetail(), e.getOutcome().code());
        }
    }

    private final Transactions tx;
    private final Clock clock;

    public AuditLog(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public void record(Tx in, Actor actor, String action, Contact contact, String detail) {
        record(in, actor, action, contact, detail, AuditEvent.Outcome.OK);
    }

    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public void record(Tx in, Actor actor, String action, Contact contact, String detail, AuditEvent.Outcome outcome) {
        in.audit().record(new AuditEvent(clock.instant(), actor.name(), actor.origin(), action,
                contact == null ? null : contact.getId(), contact == null ? null : contact.getEmail(),
                detail, outcome));
    }

    public List<Entry> ofContact(UUID contactId) {
        return tx.read(t -> t.audit().ofContact(contactId).stream().map(Entry::of).toList());
    }

    public List<Entry> latest(int limit) {
        return tx.read(t -> t.audit().latest(limit).stream().map(Entry::of).toList());
    }
}
