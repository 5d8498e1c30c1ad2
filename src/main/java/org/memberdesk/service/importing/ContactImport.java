package org.memberdesk.service.importing;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;

/**
 * Contacts and offer grants from a CSV file (see {@link CsvContacts} for the format): a preview
 * that writes nothing, then an import that writes every valid row in one transaction and skips
 * the bad ones. Grants fire "Offer Access Granted" like any grant, unless triggers are turned off.
 *
 * <p>Each created contact, each grant and the import itself are audited. A large file is written
 * through a stateless session with JDBC batching; existing contacts and grants are looked up in
 * a few set-based queries, never one per row.
 */
public final class ContactImport {

    /** The audit action of the import as a whole. */
    public static final String AUDIT_ACTION = "contacts.imported";

    private static final int CHUNK = 500;
    /** A stateless session batches its inserts only when told to. */
    private static final int BATCH = 500;

    private final Transactions tx;
    private final Clock clock;

    public ContactImport(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Reads and judges the file; writes nothing. */
    public ImportPreview preview(Path file) {
        return preview(file, ImportProgress.NONE);
    }

    public ImportPreview preview(Path file, ImportProgress progress) {
        CsvContacts.Parsed parsed = CsvContacts.read(file, progress);
        ImportPlan plan = tx.read(t -> ImportPlan.build(parsed, ImportLookup.offers(t.session()),
                emails -> ImportLookup.existing(t.session(), emails), clock.instant(), progress));
        int grants = plan.grants.size();
        return new ImportPreview(name(file), List.copyOf(plan.rows), List.copyOf(plan.problems),
                List.copyOf(plan.notices), parsed.unknownColumns(), plan.newContacts.size(),
                plan.existingTouched.size(), grants, plan.alreadyActive, grants, welcomeNote(grants));
    }

    /**
     * Imports the valid rows of the file in one transaction: all of them or, on any failure, none.
     * With {@code fireTriggers} false no "Offer Access Granted" event is written, so no workflow runs.
     */
    public ImportResult run(Path file, boolean fireTriggers, Actor actor, ImportProgress progress) {
        long start = System.nanoTime();
        ImportProgress report = progress == null ? ImportProgress.NONE : progress;
        CsvContacts.Parsed parsed = CsvContacts.read(file, report);
        String fileName = name(file);
        try {
            return tx.database().bulk(session -> {
                session.setJdbcBatchSize(BATCH);
                Instant now = clock.instant();
                ImportPlan plan = ImportPlan.build(parsed, ImportLookup.offers(session),
                        emails -> ImportLookup.existing(session, emails), now, report);
                int triggers = write(session, plan, fileName, fireTriggers, actor, now, report);
                long millis = (System.nanoTime() - start) / 1_000_000;
                session.insert(new AuditEvent(now, actor.name(), actor.origin(), AUDIT_ACTION, null, null,
                        summary(fileName, parsed.rows().size(), plan, triggers, fireTriggers), AuditEvent.Outcome.OK));
                return new ImportResult(fileName, parsed.rows().size(), plan.validRows(), List.copyOf(plan.problems),
                        List.copyOf(plan.notices), parsed.unknownColumns(), plan.newContacts.size(),
                        plan.existingTouched.size(), plan.grants.size(), plan.alreadyActive, triggers, millis);
            });
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage() + "; nothing was imported");
        } catch (ConstraintViolationException e) {
            throw new UserError("the import stopped because the data changed meanwhile (" + e.getErrorMessage()
                    + "); nothing was imported: run it again");
        }
    }

    /**
     * Writes the plan. Inserts go type by type (all contacts, then all portal accounts, ...): a
     * stateless session sends a JDBC batch only while consecutive inserts are of one kind. Tags of
     * new contacts are inserted last through one JDBC batch, as the contacts carry none when inserted.
     */
    private int write(StatelessSession session, ImportPlan plan, String fileName, boolean fireTriggers, Actor actor,
                      Instant now, ImportProgress progress) {
        Progress step = new Progress(progress, plan.newContacts.size() * 2L + plan.grants.size() * 2L);
        String by = actor.label();
        List<AuditEvent> audits = new ArrayList<>();

        // Changes to rows that exist come first: re-granted offers and tags added to existing contacts.
        List<UUID> regrants = plan.grants.stream().map(ImportPlan.Grant::regrantOf).filter(java.util.Objects::nonNull)
                .toList();
        for (int i = 0; i < regrants.size(); i += CHUNK) {
            session.createMutationQuery("update OfferGrant set grantedAt = :now, expiresAt = null, revokedAt = null,"
                            + " revokeReason = null, grantedBy = :by, version = version + 1 where id in :ids")
                    .setParameter("now", now).setParameter("by", by)
                    .setParameter("ids", regrants.subList(i, Math.min(regrants.size(), i + CHUNK)))
                    .executeUpdate();
        }
        List<UUID> touched = new ArrayList<>();
        List<TagRow> tags = new ArrayList<>();
        for (ImportPlan.TagsAdded added : plan.tagsAdded.values()) {
            Contact contact = added.contact();
            added.tags().forEach(tag -> tags.add(new TagRow(contact.getId(), tag)));
            touched.add(contact.getId());
            audits.add(audit(now, actor, "contact.edited", contact, "tags added: " + String.join(", ", added.tags())
                    + " (imported from " + fileName + " line " + added.line() + ")"));
        }
        for (int i = 0; i < touched.size(); i += CHUNK) {
            session.createMutationQuery("update Contact set updatedAt = :now, version = version + 1 where id in :ids")
                    .setParameter("now", now)
                    .setParameter("ids", touched.subList(i, Math.min(touched.size(), i + CHUNK)))
                    .executeUpdate();
        }

        Map<String, Contact> contacts = new HashMap<>();
        plan.existing.forEach((email, known) -> contacts.put(email, known.contact()));
        for (ImportPlan.NewContact row : plan.newContacts.values()) {
            Contact contact = new Contact(row.email(), row.name(), List.of(), now);
            session.insert(contact);
            contacts.put(contact.getEmail(), contact);
            row.tags().forEach(tag -> tags.add(new TagRow(contact.getId(), tag)));
            audits.add(audit(now, actor, "contact.created", contact, "name: " + contact.getName()
                    + " (imported from " + fileName + " line " + row.line() + ")"));
            step.one();
        }
        for (ImportPlan.NewContact row : plan.newContacts.values()) {
            session.insert(new PortalAccount(contacts.get(row.email()), now));
            step.one();
        }
        for (ImportPlan.Grant grant : plan.grants) {
            Contact contact = contacts.get(grant.email());
            if (grant.regrantOf() == null) {
                session.insert(new OfferGrant(contact, grant.offer(), now, null, by));
            }
            audits.add(audit(now, actor, "offer.granted", contact, grant.offer().getName()
                    + " (imported from " + fileName + " line " + grant.line() + ")"));
            step.one();
        }
        int triggers = 0;
        if (fireTriggers) {
            String detail = "import of " + ImportPlan.cut(fileName, 200);
            for (ImportPlan.Grant grant : plan.grants) {
                session.insert(new TriggerEvent(TriggerType.OFFER_ACCESS_GRANTED, contacts.get(grant.email()),
                        grant.offer(), detail, now));
                triggers++;
                step.one();
            }
        }
        for (AuditEvent event : audits) {
            session.insert(event);
        }
        insertTags(session, tags);
        step.done();
        return triggers;
    }

    private record TagRow(UUID contactId, String tag) {
    }

    /** Tag rows through one JDBC batch, after Hibernate has sent its own pending batch (the contacts). */
    private static void insertTags(StatelessSession session, List<TagRow> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ((SharedSessionContractImplementor) session).getJdbcCoordinator().executeBatch();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into contact_tag (contact_id, tag) values (?, ?)")) {
                int pending = 0;
                for (TagRow row : tags) {
                    insert.setBytes(1, bytes(row.contactId()));
                    insert.setString(2, row.tag());
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** A UUID as Hibernate stores it in a {@code blob} column: 16 bytes, most significant first. */
    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    /** Reports the writing phase every 1000 steps. */
    private static final class Progress {
        private final ImportProgress listener;
        private final long total;
        private long done;

        Progress(ImportProgress listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void one() {
            if (++done % 1000 == 0) {
                listener.update("writing", done, total);
            }
        }

        void done() {
            listener.update("writing", total, total);
        }
    }

    private static AuditEvent audit(Instant now, Actor actor, String action, Contact contact, String detail) {
        return new AuditEvent(now, actor.name(), actor.origin(), action, contact.getId(), contact.getEmail(),
                ImportPlan.cut(detail, 3900), AuditEvent.Outcome.OK);
    }

    private static String summary(String fileName, int rows, ImportPlan plan, int triggers, boolean fireTriggers) {
        return ImportPlan.cut(fileName, 300) + ": " + rows + " rows, " + plan.validRows() + " imported, "
                + plan.problems.size() + " refused; " + plan.newContacts.size() + " new contacts, "
                + plan.grants.size() + " grants added, " + plan.alreadyActive + " already active; "
                + (fireTriggers ? triggers + " \"Offer Access Granted\" events" : "triggers off");
    }

    static String welcomeNote(int grants) {
        return grants + (grants == 1 ? " grant fires" : " grants fire") + " \"Offer Access Granted\"; while the"
                + " workflow \"Welcome new members\" is on, each sends that offer's welcome email";
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
