package org.memberdesk.service.importing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.persistence.BulkTx.TagRow;
import org.memberdesk.persistence.BulkTx;
import org.memberdesk.persistence.ConstraintViolation;
import org.memberdesk.persistence.ImportBatchRepository;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contacts and offer grants from a CSV file (see {@link CsvContacts} for the format): a preview
 * that writes nothing, then an import that writes every valid row and skips the bad ones. Grants
 * fire "Offer Access Granted" like any grant, unless triggers are turned off.
 *
 * <p>Nothing holds the whole file: it is read, judged and written a chunk at a time. The import
 * first reads the whole file once as the preview does (so a broken file writes nothing), then writes
 * in short transactions under an import batch ({@link ImportBatchRepository}), so that the portal and
 * other agents keep working while it runs. Its rows stay hidden, and its trigger events unreleased,
 * until the last chunk has committed and one short transaction releases the batch; a failure or a
 * cancel deletes the batch again, so an import still writes all of its valid rows or nothing.
 *
 * <p>Each created contact, each grant and the import itself are audited. Existing contacts and grants
 * are looked up in a few set-based queries per chunk, never one per row.
 */
public final class ContactImport {

    private static final Logger LOG = LoggerFactory.getLogger(ContactImport.class);

    /** The audit action of the import as a whole. */
    public static final String AUDIT_ACTION = "contacts.imported";

    /** A batch whose lease ran out belongs to an import that died (renewed at every chunk). */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** Rows judged per read transaction in a preview. */
    private static final int READ_CHUNK = 2000;
    /** Rows per write transaction: adjusted so that each holds the write lock about {@link #TARGET_MILLIS}. */
    private static final int FIRST_CHUNK = 1000;
    private static final int MIN_CHUNK = 200;
    private static final int MAX_CHUNK = 5000;
    private static final long TARGET_MILLIS = 100;
    private static final int DISCARD_CHUNK = 1000;
    /** A bulk transaction batches its inserts only when told to. */
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
        return preview(file, Set.of(), progress);
    }

    /** {@link #preview(Path, ImportProgress)} with the suggested address taken on the lines in {@code takeSuggestion}. */
    public ImportPreview preview(Path file, Set<Integer> takeSuggestion, ImportProgress progress) {
        ImportPlan plan = check(file, takeSuggestion, progress == null ? ImportProgress.NONE : progress, true);
        return new ImportPreview(name(file), plan.totalRows, plan.refusedRows, List.copyOf(plan.rows),
                List.copyOf(plan.problems), List.copyOf(plan.notices), plan.unknownColumns, plan.newContacts,
                plan.existingTouched, plan.grantCount, plan.alreadyActive, plan.grantCount,
                welcomeNote(plan.grantCount));
    }

    /** Reads and judges the whole file, a chunk per read transaction. */
    private ImportPlan check(Path file, Set<Integer> takeSuggestion, ImportProgress progress, boolean keepRows) {
        Map<String, Offer> offers = tx.read(t -> ImportLookup.offers(t.importReads()));
        Instant now = clock.instant();
        try (CsvContacts.Rows rows = CsvContacts.open(file, takeSuggestion)) {
            ImportPlan plan = new ImportPlan(offers, rows.columns(), keepRows);
            plan.unknownColumns = rows.unknownColumns();
            for (List<CsvContacts.Row> chunk = rows.next(READ_CHUNK, progress); !chunk.isEmpty();
                 chunk = rows.next(READ_CHUNK, progress)) {
                List<CsvContacts.Row> part = chunk;
                tx.read(t -> plan.judge(part, emails -> ImportLookup.existing(t.importReads(), emails), now));
            }
            progress.update(ImportProgress.Phase.CHECKING, plan.totalRows, plan.totalRows);
            return plan;
        }
    }

    /**
     * Imports the valid rows of the file: all of them or, on any failure (or a cancel through
     * {@code progress}), none. With {@code fireTriggers} false no "Offer Access Granted" event is
     * written, so no workflow runs.
     */
    public ImportResult run(Path file, boolean fireTriggers, Actor actor, ImportProgress progress) {
        return run(file, Set.of(), fireTriggers, actor, progress);
    }

    /** {@link #run(Path, boolean, Actor, ImportProgress)} with the suggested address taken on the lines in {@code takeSuggestion}. */
    public ImportResult run(Path file, Set<Integer> takeSuggestion, boolean fireTriggers, Actor actor,
                            ImportProgress progress) {
        long start = System.nanoTime();
        ImportProgress report = progress == null ? ImportProgress.NONE : progress;
        String fileName = name(file);
        cleanUpAbandoned();
        ImportPlan checked = check(file, takeSuggestion, report, false);
        Instant now = clock.instant();
        UUID batch = tx.write(t -> t.importBatches().start(ImportPlan.cut(fileName, 400), actor.label(), now,
                now.plus(LEASE)));
        try {
            ImportPlan plan = write(file, takeSuggestion, batch, checked, fireTriggers, actor, now, report);
            int triggers = fireTriggers ? plan.grantCount : 0;
            long millis = (System.nanoTime() - start) / 1_000_000;
            tx.write(t -> {
                if (!t.importBatches().release(batch, clock.instant(), actor.label())) {
                    throw new UserError("the import was taken for an abandoned one and undone meanwhile;"
                            + " nothing was imported: run it again");
                }
                t.persist(new AuditEvent(now, actor.name(), actor.origin(), AUDIT_ACTION, null, null,
                        summary(fileName, plan, triggers, fireTriggers), AuditEvent.Outcome.OK));
                return null;
            });
            return new ImportResult(fileName, plan.totalRows, plan.validRows(), plan.refusedRows,
                    List.copyOf(plan.problems), List.copyOf(plan.notices), plan.unknownColumns, plan.newContacts,
                    plan.existingTouched, plan.grantCount, plan.alreadyActive, triggers, millis);
        } catch (RuntimeException | Error e) {
            discard(batch);
            if (e instanceof InvalidInputException) {
                throw new UserError(e.getMessage() + "; nothing was imported");
            }
            Optional<String> violation = ConstraintViolation.message(e);
            if (violation.isPresent()) {
                throw new UserError("the import stopped because the data changed meanwhile ("
                        + violation.get() + "); nothing was imported: run it again");
            }
            throw e;
        }
    }

    /** Writes the file's valid rows in short transactions under the batch, each renewing its lease. */
    private ImportPlan write(Path file, Set<Integer> takeSuggestion, UUID batch, ImportPlan checked,
                             boolean fireTriggers, Actor actor, Instant now, ImportProgress progress) {
        Map<String, Offer> offers = tx.read(t -> ImportLookup.offers(t.importReads()));
        Progress step = new Progress(progress, checked.validRows());
        try (CsvContacts.Rows rows = CsvContacts.open(file, takeSuggestion)) {
            ImportPlan plan = new ImportPlan(offers, rows.columns(), false);
            plan.unknownColumns = rows.unknownColumns();
            String fileName = name(file);
            int size = FIRST_CHUNK;
            for (List<CsvContacts.Row> chunk = rows.next(size, ImportProgress.NONE); !chunk.isEmpty();
                 chunk = rows.next(size, ImportProgress.NONE)) {
                List<CsvContacts.Row> part = chunk;
                long began = System.nanoTime();
                tx.database().chunk(bulk -> {
                    ImportBatchRepository batches = bulk.importBatches();
                    if (!batches.renew(batch, clock.instant().plus(LEASE))) {
                        throw new UserError("the import was taken for an abandoned one and undone meanwhile;"
                                + " nothing was imported: run it again");
                    }
                    bulk.batchInserts(BATCH);
                    ImportPlan.Chunk work = plan.judge(part,
                            emails -> ImportLookup.existing(bulk.importReads(), emails), now);
                    writeChunk(bulk, batches, batch, work, fileName, fireTriggers, actor, now);
                    return null;
                });
                long millis = Math.max(1, (System.nanoTime() - began) / 1_000_000);
                // Reported with the write lock free: a listener may take its time, or throw to cancel.
                step.upTo(plan.validRows());
                size = (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, size * TARGET_MILLIS / millis));
                yieldToOthers(millis);
            }
            step.done();
            return plan;
        }
    }

    /**
     * Leaves the write lock free for a while between chunks: a portal request or another agent waiting
     * for it gets in, instead of finding it taken again at once.
     */
    private static void yieldToOthers(long chunkMillis) {
        long pause = Math.max(5, Math.min(25, chunkMillis / 4)) + ThreadLocalRandom.current().nextLong(5);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /**
     * Deletes what a failed or cancelled import wrote, in short transactions; a failure here leaves the
     * batch hidden, and the next import or the next start of the app removes it.
     */
    private void discard(UUID batch) {
        try {
            while (tx.database().chunk(bulk -> bulk.importBatches().discardSome(batch, DISCARD_CHUNK))
                    > 0) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("import batch {} left to clean up: interrupted", batch);
        } catch (RuntimeException e) {
            LOG.warn("import batch {} left to clean up", batch, e);
        }
    }

    /**
     * Removes the rows of imports that died (their process is gone, or they stopped renewing their
     * lease): called when the app opens a data directory and before each import.
     *
     * @return how many abandoned batches were removed
     */
    public int cleanUpAbandoned() {
        Instant now = clock.instant();
        List<ImportBatchRepository.Unreleased> dead = tx.read(t -> t.importBatches().unreleased()).stream()
                .filter(b -> b.leaseUntil().isBefore(now) || ImportBatchRepository.ownerIsGone(b))
                .toList();
        for (ImportBatchRepository.Unreleased batch : dead) {
            LOG.info("removing the unfinished import of {} started {} by {} ({})", batch.fileName(),
                    batch.startedAt(), batch.startedBy(), batch.owner());
            discard(batch.id());
        }
        return dead.size();
    }

    /**
     * Writes one chunk. Inserts go type by type (contacts, then portal accounts, ...): a stateless
     * session sends a JDBC batch only while consecutive inserts are of one kind. Changes to rows that
     * existed before wait in the batch's pending tables for the release.
     */
    private void writeChunk(BulkTx bulk, ImportBatchRepository batches, UUID batch,
                            ImportPlan.Chunk work, String fileName, boolean fireTriggers, Actor actor, Instant now) {
        String by = actor.label();
        List<AuditEvent> audits = new ArrayList<>();
        Map<String, Contact> contacts = new HashMap<>();
        if (!work.earlierEmails().isEmpty()) {
            contacts.putAll(batches.ownContacts(batch, new ArrayList<>(work.earlierEmails())));
        }
        List<TagRow> tags = new ArrayList<>();
        bulk.insertingContacts(() -> {
            List<UUID> ids = new ArrayList<>(work.created.size());
            for (ImportPlan.NewContact row : work.created.values()) {
                // The entity writes its search text with the tags; the stateless insert writes no tag rows.
                Contact contact = new Contact(row.email(), row.name(), row.tags(), now);
                contact.inImportBatch(batch);
                bulk.insert(contact);
                ids.add(contact.getId());
                contacts.put(contact.getEmail(), contact);
                row.tags().forEach(tag -> tags.add(new TagRow(contact.getId(), tag)));
                audits.add(audit(now, actor, "contact.created", contact.getId(), contact.getEmail(), "name: "
                        + contact.getName() + " (imported from " + fileName + " line " + row.line() + ")", batch));
            }
            bulk.insertTags(tags);
            return ids;
        });
        tags.clear();
        for (ImportPlan.NewContact row : work.created.values()) {
            bulk.insert(new PortalAccount(contacts.get(row.email()), now));
        }
        work.tagsOfEarlier.forEach((email, added) -> added.forEach(tag ->
                tags.add(new TagRow(contacts.get(email).getId(), tag))));
        for (ImportPlan.TagsAdded added : work.tagsAdded) {
            Contact contact = added.contact();
            added.tags().forEach(tag -> batches.pendingTag(batch, contact.getId(), tag));
            audits.add(audit(now, actor, "contact.edited", contact.getId(), contact.getEmail(), "tags added: "
                    + String.join(", ", added.tags()) + " (imported from " + fileName + " line " + added.line()
                    + ")", batch));
        }
        for (ImportPlan.Grant grant : work.grants) {
            Contact contact = grant.existing() != null ? grant.existing() : contacts.get(grant.email());
            if (grant.regrantOf() == null) {
                OfferGrant added = new OfferGrant(contact, grant.offer(), now, null, by);
                added.inImportBatch(batch);
                bulk.insert(added);
            } else {
                batches.pendingRegrant(batch, grant.regrantOf());
            }
            audits.add(audit(now, actor, "offer.granted", contact.getId(), contact.getEmail(),
                    grant.offer().getName() + " (imported from " + fileName + " line " + grant.line() + ")", batch));
        }
        if (fireTriggers) {
            String detail = "import of " + ImportPlan.cut(fileName, 200);
            for (ImportPlan.Grant grant : work.grants) {
                Contact contact = grant.existing() != null ? grant.existing() : contacts.get(grant.email());
                TriggerEvent event = new TriggerEvent(TriggerType.OFFER_ACCESS_GRANTED, contact, grant.offer(),
                        detail, now);
                event.inImportBatch(batch);
                bulk.insert(event);
            }
        }
        for (AuditEvent event : audits) {
            bulk.insert(event);
        }
        bulk.insertTags(tags);
    }

    /** Reports the writing phase every 1000 rows. */
    private static final class Progress {
        private final ImportProgress listener;
        private final long total;
        private long done;

        Progress(ImportProgress listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void upTo(long written) {
            while (done < written) {
                if (++done % 1000 == 0) {
                    listener.update(ImportProgress.Phase.WRITING, done, total);
                }
            }
        }

        void done() {
            listener.update(ImportProgress.Phase.WRITING, total, total);
        }
    }

    private static AuditEvent audit(Instant now, Actor actor, String action, UUID contactId, String email,
                                    String detail, UUID batch) {
        AuditEvent event = new AuditEvent(now, actor.name(), actor.origin(), action, contactId, email,
                ImportPlan.cut(detail, 3900), AuditEvent.Outcome.OK);
        event.inImportBatch(batch);
        return event;
    }

    private static String summary(String fileName, ImportPlan plan, int triggers, boolean fireTriggers) {
        return ImportPlan.cut(fileName, 300) + ": " + plan.totalRows + " rows, " + plan.validRows() + " imported, "
                + plan.refusedRows + " refused; " + plan.newContacts + " new contacts, "
                + plan.grantCount + " grants added, " + plan.alreadyActive + " already active; "
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
