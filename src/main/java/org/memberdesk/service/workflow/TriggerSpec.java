package org.memberdesk.service.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A workflow's trigger and its options. Only the options of its kind matter:
 * {@code offers} (Offer Access Granted; empty means any offer), {@code tag} (Tag Added),
 * {@code failures} in {@code withinMinutes} (Repeated Failed Logins). Manual has none.
 */
public record TriggerSpec(TriggerKind kind, List<String> offers, String tag, Integer failures,
                          Integer withinMinutes) {

    public TriggerSpec {
        offers = offers == null ? List.of()
                : offers.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static TriggerSpec offerAccessGranted(String... offers) {
        return new TriggerSpec(TriggerKind.OFFER_ACCESS_GRANTED, List.of(offers), null, null, null);
    }

    public static TriggerSpec tagAdded(String tag) {
        return new TriggerSpec(TriggerKind.TAG_ADDED, null, tag, null, null);
    }

    public static TriggerSpec repeatedFailedLogins(Integer failures, Integer withinMinutes) {
        return new TriggerSpec(TriggerKind.REPEATED_FAILED_LOGINS, null, null, failures, withinMinutes);
    }

    public static TriggerSpec manual() {
        return new TriggerSpec(TriggerKind.MANUAL, null, null, null, null);
    }

    /** "Offer Access Granted (Gold, Silver)", "Tag Added: cant-login", "Repeated Failed Logins: 5 in 15 minutes". */
    public String describe() {
        if (kind == null) {
            return "no trigger";
        }
        return switch (kind) {
            case OFFER_ACCESS_GRANTED -> offers.isEmpty() ? kind.label()
                    : kind.label() + " (" + String.join(", ", offers) + ")";
            case TAG_ADDED -> kind.label() + ": " + tag;
            case REPEATED_FAILED_LOGINS -> kind.label() + ": " + failures + " in "
                    + Durations.plural(withinMinutes == null ? 0 : withinMinutes, "minute");
            case MANUAL -> kind.label();
        };
    }

    /** Only the options of this kind, the others dropped (what is stored). */
    public TriggerSpec normalized() {
        if (kind == null) {
            return this;
        }
        return switch (kind) {
            case OFFER_ACCESS_GRANTED -> new TriggerSpec(kind, new ArrayList<>(offers), null, null, null);
            case TAG_ADDED -> new TriggerSpec(kind, null, tag, null, null);
            case REPEATED_FAILED_LOGINS -> new TriggerSpec(kind, null, null, failures, withinMinutes);
            case MANUAL -> new TriggerSpec(kind, null, null, null, null);
        };
    }
}
