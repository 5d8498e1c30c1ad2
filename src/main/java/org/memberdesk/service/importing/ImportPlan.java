package org.memberdesk.service.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.service.contacts.AddressTypo;

/**
 * The rows of a file judged against the database, a chunk at a time: which are refused and why,
 * which contacts are new, which grants to add. The same plan drives the preview and the import, so
 * they never disagree. It keeps counts, the first {@link #SHOWN} problems, notices and rows, and a
 * fingerprint of each email and email-and-offer seen: never the whole file.
 *
 * <p>Rules: the first valid row of an email creates the contact (a name is then required); later
 * rows of that email add their offer and tags. A row repeating an email and offer (or an email
 * without an offer) is a duplicate. For an existing contact a row adds its offer and any new tags;
 * the name on file is kept.
 */
final class ImportPlan {

    /** How many problems, notices and (in a preview) judged rows are kept to show; the rest are counted. */
    static final int SHOWN = 1000;

    private static final int DOMAINS_KEPT = 10_000;

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*\\R\\s*");

    record NewContact(int line, String email, String name, Set<String> tags) {
    }

    /** Tags a row adds to a contact that existed before the import. */
    record TagsAdded(Contact contact, Set<String> tags, int line) {
    }

    /** A grant to add; {@code existing} is the contact when it existed before the import. */
    record Grant(int line, String email, Offer offer, UUID regrantOf, Contact existing) {
    }

    /** What one chunk of rows adds. */
    static final class Chunk {
        /** Contacts first seen in this chunk (later rows of the chunk merged in). */
        final Map<String, NewContact> created = new LinkedHashMap<>();
        /** Tags for contacts this import created in an earlier chunk, by email. */
        final Map<String, Set<String>> tagsOfEarlier = new LinkedHashMap<>();
        final List<TagsAdded> tagsAdded = new ArrayList<>();
        final List<Grant> grants = new ArrayList<>();

        /** Emails of contacts this import created in an earlier chunk that this chunk needs. */
        Set<String> earlierEmails() {
            Set<String> emails = new LinkedHashSet<>(tagsOfEarlier.keySet());
            for (Grant grant : grants) {
                if (grant.existing() == null && !created.containsKey(grant.email())) {
                    emails.add(grant.email());
                }
            }
            return emails;
        }
    }

    private final Map<String, Offer> offers;
    private final int columns;
    private final boolean keepRows;
    /** email + NUL + offer key: the line of its first valid row. */
    private final Fingerprints keys = new Fingerprints();
    /** email: the line of its first valid row, negative when the contact existed before. */
    private final Fingerprints emails = new Fingerprints();

    /** Domains judged for a likely typo, up to {@link #DOMAINS_KEPT}. */
    private final Map<String, Boolean> domains = new HashMap<>();

    final List<ImportRow> rows = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    final List<RowNotice> notices = new ArrayList<>();
    List<String> unknownColumns = List.of();
    int totalRows;
    int refusedRows;
    int newContacts;
    int existingTouched;
    int grantCount;
    int alreadyActive;

    ImportPlan(Map<String, Offer> offers, int columns, boolean keepRows) {
        this.offers = offers;
        this.columns = columns;
        this.keepRows = keepRows;
    }

    /** A row whose own values are valid, before the database and the other rows are considered. */
    private record Checked(CsvContacts.Row row, String email, String name, Set<String> tags, Offer offer,
                           List<String> reasons) {
    }

    /**
     * Judges a chunk of rows; {@code lookup} finds the contacts among some (normalized) emails that
     * exist and are visible, with their tags and grants.
     */
    Chunk judge(List<CsvContacts.Row> chunk, Function<Collection<String>, Map<String, ImportLookup.Existing>> lookup,
                Instant now) {
        List<Checked> checked = new ArrayList<>(chunk.size());
        Set<String> valid = new LinkedHashSet<>();
        for (CsvContacts.Row row : chunk) {
            Checked c = check(row, columns, offers);
            checked.add(c);
            if (c.reasons().isEmpty()) {
                valid.add(c.email());
            }
        }
        Map<String, ImportLookup.Existing> existing = valid.isEmpty() ? Map.of() : lookup.apply(valid);
        Chunk result = new Chunk();
        Map<UUID, TagsAdded> tagsAdded = new LinkedHashMap<>();
        for (Checked c : checked) {
            judge(c, existing, result, tagsAdded, now);
        }
        result.tagsAdded.addAll(tagsAdded.values());
        return result;
    }

    private void judge(Checked c, Map<String, ImportLookup.Existing> existing, Chunk chunk,
                       Map<UUID, TagsAdded> tagsAdded, Instant now) {
        totalRows++;
        CsvContacts.Row row = c.row();
        List<String> reasons = new ArrayList<>(c.reasons());
        String key = c.email() + "\u0000" + (c.offer() == null ? "" : Offer.key(c.offer().getName()));
        ImportLookup.Existing known = reasons.isEmpty() ? existing.get(c.email()) : null;
        int seenKey = reasons.isEmpty() ? keys.get(key) : 0;
        if (seenKey != 0) {
            reasons.add("duplicate of line " + seenKey + (c.offer() == null ? "" : " (same email and offer)"));
        }
        int seenEmail = reasons.isEmpty() ? emails.get(c.email()) : 0;
        boolean createdHere = known == null && seenEmail > 0;
        if (reasons.isEmpty() && known == null && !createdHere && c.name().isEmpty()) {
            reasons.add("name is missing: a new contact needs one");
        }
        String offerName = c.offer() != null ? c.offer().getName() : blankToNull(row.offer());
        if (!reasons.isEmpty()) {
            String reason = String.join("; ", reasons);
            String email = c.email() != null ? c.email() : cut(row.email().strip(), 80);
            refusedRows++;
            if (problems.size() < SHOWN) {
                problems.add(new RowProblem(row.line(), email, reason));
            }
            keep(new ImportRow(row.line(), email, cut(c.name(), 200), List.copyOf(c.tags()), cut(offerName, 200),
                    "error", null, reason));
            return;
        }
        keys.put(key, row.line());
        String outcome;
        if (known != null) {
            outcome = "existing-contact";
            if (seenEmail == 0) {
                existingTouched++;
                emails.put(c.email(), -row.line());
            }
            Set<String> fresh = new TreeSet<>(c.tags());
            fresh.removeAll(known.tags());
            TagsAdded added = tagsAdded.get(known.contact().getId());
            if (added != null) {
                fresh.removeAll(added.tags());
            }
            if (!fresh.isEmpty()) {
                tagsAdded.computeIfAbsent(known.contact().getId(),
                        id -> new TagsAdded(known.contact(), new TreeSet<>(), row.line())).tags().addAll(fresh);
            }
        } else if (createdHere) {
            outcome = "new-contact";
            NewContact first = chunk.created.get(c.email());
            if (first != null) {
                first.tags().addAll(c.tags());
            } else if (!c.tags().isEmpty()) {
                chunk.tagsOfEarlier.computeIfAbsent(c.email(), e -> new TreeSet<>()).addAll(c.tags());
            }
        } else {
            outcome = "new-contact";
            newContacts++;
            emails.put(c.email(), row.line());
            chunk.created.put(c.email(), new NewContact(row.line(), c.email(), c.name(), new TreeSet<>(c.tags())));
        }
        if (suspect(c.email())) {
            AddressTypo.of(c.email()).ifPresent(typo -> notice(new RowNotice(row.line(), c.email(),
                    typo.message() + " (the row is imported as written)", typo.suggestedEmail())));
        }
        String grant = null;
        if (c.offer() != null) {
            ImportLookup.GrantState state = known == null ? null : known.grants().get(c.offer().getId());
            if (state != null && state.active(now)) {
                grant = "already-active";
                alreadyActive++;
                notice(new RowNotice(row.line(), c.email(), c.email() + " already has active access to "
                        + c.offer().getName() + ": nothing to add"));
            } else {
                grant = state == null ? "grant" : "regrant";
                grantCount++;
                chunk.grants.add(new Grant(row.line(), c.email(), c.offer(), state == null ? null : state.grantId(),
                        known == null ? null : known.contact()));
            }
        }
        keep(new ImportRow(row.line(), c.email(), c.name(), List.copyOf(c.tags()), offerName, outcome, grant, null));
    }

    /** Whether the address's domain may be a typo: asked once per domain, as a file repeats a few domains. */
    private boolean suspect(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1);
        Boolean known = domains.get(domain);
        if (known == null) {
            known = AddressTypo.likelyDomain(domain).isPresent();
            if (domains.size() < DOMAINS_KEPT) {
                domains.put(domain, known);
            }
        }
        return known;
    }

    private void notice(RowNotice notice) {
        if (notices.size() < SHOWN) {
            notices.add(notice);
        }
    }

    private void keep(ImportRow row) {
        if (keepRows && rows.size() < SHOWN) {
            rows.add(row);
        }
    }

    private static Checked check(CsvContacts.Row row, int columns, Map<String, Offer> offers) {
        List<String> reasons = new ArrayList<>();
        if (row.values() != columns) {
            reasons.add("it has " + row.values() + (row.values() == 1 ? " value" : " values") + " but the header has "
                    + columns + " columns");
        }
        String email = null;
        String rawEmail = row.email().strip();
        if (rawEmail.isEmpty()) {
            reasons.add("email is missing");
        } else if (rawEmail.length() > 254) {
            reasons.add("email is longer than 254 characters");
        } else {
            try {
                email = EmailAddress.normalize(rawEmail);
            } catch (InvalidInputException e) {
                reasons.add(e.getMessage().replace("'" + rawEmail + "'", "'" + cut(rawEmail, 80) + "'"));
            }
        }
        String name = LINE_BREAKS.matcher(row.name()).replaceAll(" ").strip();
        if (name.length() > Contact.MAX_NAME) {
            reasons.add("name is longer than " + Contact.MAX_NAME + " characters (it has " + name.length() + ")");
        }
        Set<String> tags = new TreeSet<>();
        for (String raw : row.tags().split(";", -1)) {
            String tag = raw.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > Contact.MAX_TAG) {
                reasons.add("tag '" + cut(tag, 20) + "' is longer than " + Contact.MAX_TAG + " characters");
                continue;
            }
            try {
                tags.add(Contact.normalizeTag(tag));
            } catch (InvalidInputException e) {
                reasons.add(e.getMessage());
            }
        }
        Offer offer = null;
        String offerName = row.offer().strip();
        if (!offerName.isEmpty()) {
            offer = offers.get(Offer.key(offerName));
            if (offer == null) {
                reasons.add("unknown offer '" + cut(offerName, 60) + "'");
            }
        }
        return new Checked(row, email, name, tags, offer, reasons);
    }

    int validRows() {
        return totalRows - refusedRows;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
