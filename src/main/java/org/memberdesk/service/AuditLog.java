package org.memberdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Contact;
import org.memberdesk.persistence.Tx;

/** Records who did what to which contact, in the same transaction as the action itself. */
public final class AuditLog {

    public record Entry(UUID id, Instant at, String agent, Origin origin, String action, UUID contactId,
                        String contactEmail, String detail, Outcome outcome) {

        public static Entry of(AuditEvent e) {
            return new Entry(e.getId(), e.getAt(), e.getAgent(), Origin.of(e.getOrigin()), e.getAction(),
                    e.getContactId(), e.getContactEmail(), e.getDetail(), Outcome.of(e.getOutcome()));
        }
    }

    /** Who or what caused an action or an email: an agent, a workflow, the contact (self-service) or the system. */
    public enum Origin implements StateCode {
        AGENT, WORKFLOW, SELF_SERVICE, SYSTEM;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        public static Origin of(org.memberdesk.domain.Origin origin) {
            return switch (origin) {
                case AGENT -> AGENT;
                case WORKFLOW -> WORKFLOW;
                case SELF_SERVICE -> SELF_SERVICE;
                case SYSTEM -> SYSTEM;
            };
        }
    }

    /** How a recorded action ended. */
    public enum Outcome implements StateCode {
        OK, REFUSED, FAILED;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }

        public static Outcome of(AuditEvent.Outcome outcome) {
            return switch (outcome) {
                case OK -> OK;
                case REFUSED -> REFUSED;
                case FAILED -> FAILED;
            };
        }
    }

    /** Entries read to find the one a refusal names: more than enough for the few since a change. */
    private static final int CANDIDATES = 50;

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

    /**
     * The refusal of a save over a change made since the form was loaded, naming who made it: the
     * newest recorded {@code actions} on the contact ({@code contactId} null: on no contact) whose
     * detail contains {@code detailPart} (null: any), at or after {@code changedAt} (null: any
     * time), the time the changed thing itself recorded. Without such an entry it says the change
     * came from someone else, at {@code changedAt}.
     */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public UserError.ChangedMeanwhile changedMeanwhile(Tx in, UUID contactId, Collection<String> actions,
                                                       String detailPart, Instant changedAt) {
        return changedMeanwhile(in, contactId, actions, detailPart, detail -> true, changedAt);
    }

    /**
     * {@link #changedMeanwhile(Tx, UUID, Collection, String, Instant)} naming only an entry whose
     * detail is about the changed thing itself ({@code about}): "community group Foo" must not take
     * an entry about the group "Foobar" for its own.
     */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public UserError.ChangedMeanwhile changedMeanwhile(Tx in, UUID contactId, Collection<String> actions,
                                                       String detailPart, Predicate<String> about,
                                                       Instant changedAt) {
        return in.audit().newest(contactId, actions, detailPart, changedAt, CANDIDATES).stream()
                .filter(e -> about.test(e.getDetail()))
                .findFirst()
                .map(e -> new UserError.ChangedMeanwhile(e.getAgent(), Origin.of(e.getOrigin()), e.getAt()))
                .orElseGet(() -> new UserError.ChangedMeanwhile(null, null, changedAt));
    }

    public List<Entry> ofContact(UUID contactId) {
        return tx.read(t -> t.audit().ofContact(contactId).stream().map(Entry::of).toList());
    }

    public List<Entry> latest(int limit) {
        return tx.read(t -> t.audit().latest(limit).stream().map(Entry::of).toList());
    }
}
