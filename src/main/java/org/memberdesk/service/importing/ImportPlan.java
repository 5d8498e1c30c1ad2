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
import java.util.function.Function;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;

/**
 * The rows of a file judged against the database: which are refused and why, which contacts are
 * new, which grants to add. The same plan drives the preview and the import, so they never disagree.
 *
 * <p>Rules: the first valid row of an email creates the contact (a name is then required); later
 * rows of that email add their offer and tags. A row repeating an email and offer (or an email
 * without an offer) is a duplicate. For an existing contact a row adds its offer and any new tags;
 * the name on file is kept.
 */
final class ImportPlan {

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*\\R\\s*");

    record NewContact(int line, String email, String name, Set<String> tags) {
    }

    record TagsAdded(Contact contact, Set<String> tags, int line) {
    }

    record Grant(int line, String email, Offer offer, java.util.UUID regrantOf) {
    }

    final List<ImportRow> rows = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    final List<RowNotice> notices = new ArrayList<>();
    final Map<String, NewContact> newContacts = new LinkedHashMap<>();
    final Map<String, TagsAdded> tagsAdded = new LinkedHashMap<>();
    final Set<String> existingTouched = new LinkedHashSet<>();
    final List<Grant> grants = new ArrayList<>();
    final Map<String, ImportLookup.Existing> existing;
    int alreadyActive;

    private ImportPlan(Map<String, ImportLookup.Existing> existing) {
        this.existing = existing;
    }

    /** A row whose own values are valid, before the database and the other rows are considered. */
    private record Checked(CsvContacts.Row row, String email, String name, Set<String> tags, Offer offer,
                           List<String> reasons) {
    }

    static ImportPlan build(CsvContacts.Parsed parsed, Map<String, Offer> offers,
                            Function<Collection<String>, Map<String, ImportLookup.Existing>> lookup, Instant now,
                            ImportProgress progress) {
        List<Checked> checked = new ArrayList<>(parsed.rows().size());
        Set<String> emails = new LinkedHashSet<>();
        for (CsvContacts.Row row : parsed.rows()) {
            Checked c = check(row, parsed.columns(), offers);
            checked.add(c);
            if (c.reasons().isEmpty()) {
                emails.add(c.email());
            }
        }
        ImportPlan plan = new ImportPlan(lookup.apply(emails));
        Map<String, Integer> seen = new HashMap<>();
        int done = 0;
        for (Checked c : checked) {
            plan.judge(c, seen, now);
            if (++done % 1000 == 0) {
                progress.update("checking", done, checked.size());
            }
        }
        progress.update("checking", checked.size(), checked.size());
        return plan;
    }

    private void judge(Checked c, Map<String, Integer> seen, Instant now) {
        CsvContacts.Row row = c.row();
        List<String> reasons = new ArrayList<>(c.reasons());
        String key = c.email() + "\u0000" + (c.offer() == null ? "" : Offer.key(c.offer().getName()));
        ImportLookup.Existing known = reasons.isEmpty() ? existing.get(c.email()) : null;
        if (reasons.isEmpty() && seen.containsKey(key)) {
            reasons.add("duplicate of line " + seen.get(key)
                    + (c.offer() == null ? "" : " (same email and offer)"));
        }
        if (reasons.isEmpty() && known == null && !newContacts.containsKey(c.email()) && c.name().isEmpty()) {
            reasons.add("name is missing: a new contact needs one");
        }
        String offerName = c.offer() != null ? c.offer().getName() : blankToNull(row.offer());
        if (!reasons.isEmpty()) {
            String reason = String.join("; ", reasons);
            problems.add(new RowProblem(row.line(), c.email() != null ? c.email() : cut(row.email().strip(), 80),
                    reason));
            rows.add(new ImportRow(row.line(), c.email() != null ? c.email() : cut(row.email().strip(), 80),
                    cut(c.name(), 200), List.copyOf(c.tags()), cut(offerName, 200), "error", null, reason));
            return;
        }
        seen.put(key, row.line());
        String outcome;
        if (known != null) {
            outcome = "existing-contact";
            existingTouched.add(c.email());
            Set<String> fresh = new TreeSet<>(c.tags());
            fresh.removeAll(known.tags());
            TagsAdded added = tagsAdded.get(c.email());
            if (added != null) {
                fresh.removeAll(added.tags());
            }
            if (!fresh.isEmpty()) {
                tagsAdded.computeIfAbsent(c.email(), e -> new TagsAdded(known.contact(), new TreeSet<>(), row.line()))
                        .tags().addAll(fresh);
            }
        } else if (newContacts.containsKey(c.email())) {
            outcome = "new-contact";
            newContacts.get(c.email()).tags().addAll(c.tags());
        } else {
            outcome = "new-contact";
            newContacts.put(c.email(), new NewContact(row.line(), c.email(), c.name(), new TreeSet<>(c.tags())));
        }
        String grant = null;
        if (c.offer() != null) {
            ImportLookup.GrantState state = known == null ? null : known.grants().get(c.offer().getId());
            if (state != null && state.active(now)) {
                grant = "already-active";
                alreadyActive++;
                notices.add(new RowNotice(row.line(), c.email(), c.email() + " already has active access to "
                        + c.offer().getName() + ": nothing to add"));
            } else {
                grant = state == null ? "grant" : "regrant";
                grants.add(new Grant(row.line(), c.email(), c.offer(), state == null ? null : state.grantId()));
            }
        }
        rows.add(new ImportRow(row.line(), c.email(), c.name(), List.copyOf(c.tags()), offerName, outcome, grant,
                null));
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
        return rows.size() - problems.size();
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
