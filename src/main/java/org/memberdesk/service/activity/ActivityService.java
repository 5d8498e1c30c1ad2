package org.memberdesk.service.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.persistence.OwnerOnly;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.storage.BackupService;

/** The Activity view: the audit log of every agent and workflow action, filtered, paged and exported. */
public final class ActivityService {

    public static final int MAX_PAGE = 1000;
    static final String[] CSV_HEADER =
            {"at", "agent", "origin", "action", "contactEmail", "contactId", "detail", "outcome"};
    private static final int EXPORT_CHUNK = 1000;

    private final Transactions tx;

    public ActivityService(Transactions tx) {
        this.tx = tx;
    }

    /** The events matching the filter, newest first, {@code limit} (1 to 1000) from {@code offset}. */
    public ActivityPage page(ActivityFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new UserError("the offset may not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new UserError("a page holds from 1 to " + MAX_PAGE + " events");
        }
        ActivityFilter f = filter == null ? ActivityFilter.all() : filter;
        return tx.read(t -> new ActivityPage(
                search(t, f, offset, limit).stream().map(AuditLog.Entry::of).toList(),
                t.audit().count(f.agent(), f.contact(), f.action(), f.from(), f.to()), offset, limit));
    }

    /** Every agent (and workflow) name on record, for the filter's choices. */
    public List<String> agents() {
        return tx.read(t -> t.audit().agents());
    }

    /** Every action on record, for the filter's choices. */
    public List<String> actions() {
        return tx.read(t -> t.audit().actions());
    }

    /**
     * Writes every matching event as CSV to {@code file}, replacing it, as {@link #exportCsv(ActivityFilter,
     * Writer)} does. The file names contacts, so it is owner-only whatever the umask or the folder: it
     * is written as a new owner-only file next to the target, then moved into place when complete.
     */
    public long exportCsv(ActivityFilter filter, Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserError("cannot write " + file + ": the folder " + folder + " does not exist");
        }
        Path partial = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            OwnerOnly.createFile(partial);
            long written;
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                written = exportCsv(filter, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + BackupService.reason(e));
        } catch (UncheckedIOException e) {
            throw new UserError("cannot write " + file + ": " + BackupService.reason(e.getCause()));
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // it was never made, or it is gone with the move
            }
        }
    }

    /**
     * Writes every matching event as CSV (RFC 4180, a header row, times ISO-8601 in UTC), newest
     * first, from one consistent read. A value that a spreadsheet would take for a formula is
     * written with a leading apostrophe. Returns how many events were written; the writer is left open.
     */
    public long exportCsv(ActivityFilter filter, Writer out) {
        ActivityFilter f = filter == null ? ActivityFilter.all() : filter;
        return tx.read(t -> {
            try {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
                long written = 0;
                for (int offset = 0; ; offset += EXPORT_CHUNK) {
                    List<AuditEvent> chunk = search(t, f, offset, EXPORT_CHUNK);
                    for (AuditEvent e : chunk) {
                        csv.printRecord(e.getAt().toString(), cell(e.getAgent()), e.getOrigin().code(),
                                cell(e.getAction()), cell(e.getContactEmail()),
                                e.getContactId() == null ? "" : e.getContactId().toString(), cell(e.getDetail()),
                                e.getOutcome().code());
                        written++;
                    }
                    t.clear();
                    if (chunk.size() < EXPORT_CHUNK) {
                        break;
                    }
                }
                csv.flush();
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the export: " + e.getMessage(), e);
            }
        });
    }

    private static List<AuditEvent> search(Tx t, ActivityFilter f, int offset, int limit) {
        return t.audit().search(f.agent(), f.contact(), f.action(), f.from(), f.to(), offset, limit);
    }

    /** Keeps a spreadsheet from running a value as a formula (CSV injection). */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
