package org.memberdesk.service.workflow;

/**
 * One filter: {@code offer} (Offer Is; or the offer No Recent Welcome looks at, when not the
 * triggering one), {@code tag} (Has Tag, Lacks Tag), {@code hours} (No Recent Welcome).
 */
public record FilterSpec(FilterKind kind, String offer, String tag, Integer hours) {

    public static FilterSpec offerIs(String offer) {
        return new FilterSpec(FilterKind.OFFER_IS, offer, null, null);
    }

    public static FilterSpec hasTag(String tag) {
        return new FilterSpec(FilterKind.HAS_TAG, null, tag, null);
    }

    public static FilterSpec lacksTag(String tag) {
        return new FilterSpec(FilterKind.LACKS_TAG, null, tag, null);
    }

    public static FilterSpec neverLoggedIn() {
        return new FilterSpec(FilterKind.NEVER_LOGGED_IN, null, null, null);
    }

    /** No welcome email for the triggering offer in the last N hours. */
    public static FilterSpec noRecentWelcome(Integer hours) {
        return new FilterSpec(FilterKind.NO_RECENT_WELCOME, null, null, hours);
    }

    /** No welcome email for this offer in the last N hours. */
    public static FilterSpec noRecentWelcome(String offer, Integer hours) {
        return new FilterSpec(FilterKind.NO_RECENT_WELCOME, offer, null, hours);
    }

    public String describe() {
        if (kind == null) {
            return "no filter";
        }
        return switch (kind) {
            case OFFER_IS -> "Offer is " + offer;
            case HAS_TAG -> "Has tag " + tag;
            case LACKS_TAG -> "Lacks tag " + tag;
            case NEVER_LOGGED_IN -> "Never logged in to the Client Portal";
            case NO_RECENT_WELCOME -> "No welcome email for " + (blank(offer) ? "the triggering offer" : offer)
                    + " in the last " + Durations.plural(hours == null ? 0 : hours, "hour");
        };
    }

    public FilterSpec normalized() {
        if (kind == null) {
            return this;
        }
        return switch (kind) {
            case OFFER_IS -> new FilterSpec(kind, offer, null, null);
            case HAS_TAG, LACKS_TAG -> new FilterSpec(kind, null, tag, null);
            case NEVER_LOGGED_IN -> new FilterSpec(kind, null, null, null);
            case NO_RECENT_WELCOME -> new FilterSpec(kind, blank(offer) ? null : offer, null, hours);
        };
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
