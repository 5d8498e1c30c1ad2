package org.memberdesk.service.diagnostics;

import java.util.Locale;
import org.memberdesk.service.UserError;

/**
 * What the contact needs help with, as the agent first asks: a membership offer, membership in
 * general, one community group, or nothing said; and whether they say an email never arrived.
 * The checks that need an answer run only when there is one.
 *
 * @param topic       what the contact asks about
 * @param name        the offer's or group's name for {@link Topic#OFFER} and {@link Topic#COMMUNITY}, else null
 * @param notReceived the contact says an email never arrived
 */
public record Concern(Topic topic, String name, boolean notReceived) {

    public enum Topic {
        /** Nothing said: only the checks that need no answer run. */
        NONE,
        /** Membership access (the Client Portal) without naming an offer. */
        MEMBERSHIP,
        /** Membership access through one named offer. */
        OFFER,
        /** One named community group (its own members and password). */
        COMMUNITY
    }

    public Concern {
        if (topic == null) {
            throw new IllegalArgumentException("topic is required");
        }
        if (topic == Topic.OFFER || topic == Topic.COMMUNITY) {
            if (name == null || name.isBlank()) {
                throw new UserError(topic == Topic.OFFER ? "name the offer the contact asks about"
                        : "name the community group the contact asks about");
            }
            name = name.strip();
        } else {
            name = null;
        }
    }

    public static Concern none() {
        return new Concern(Topic.NONE, null, false);
    }

    /** "I never got the email", nothing more said. */
    public static Concern emailNeverArrived() {
        return new Concern(Topic.NONE, null, true);
    }

    public static Concern membership() {
        return new Concern(Topic.MEMBERSHIP, null, false);
    }

    public static Concern offer(String offerName) {
        return new Concern(Topic.OFFER, offerName, false);
    }

    public static Concern community(String groupName) {
        return new Concern(Topic.COMMUNITY, groupName, false);
    }

    /** The same concern, and the contact says an email never arrived. */
    public Concern andNotReceived() {
        return new Concern(topic, name, true);
    }

    /**
     * Reads the command line's {@code --about}: {@code offer:NAME}, {@code community:NAME} or
     * {@code membership}; null or blank means nothing said.
     */
    public static Concern parse(String about, boolean notReceived) {
        if (about == null || about.isBlank()) {
            return new Concern(Topic.NONE, null, notReceived);
        }
        String text = about.strip();
        if (text.equalsIgnoreCase("membership")) {
            return new Concern(Topic.MEMBERSHIP, null, notReceived);
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String name = colon < 0 ? "" : text.substring(colon + 1).strip();
        return switch (kind) {
            case "offer" -> new Concern(Topic.OFFER, name, notReceived);
            case "community" -> new Concern(Topic.COMMUNITY, name, notReceived);
            default -> throw new UserError("'" + text + "' is not something to ask about:"
                    + " use offer:NAME, community:NAME or membership");
        };
    }

    /** True when the contact asks about membership access (an offer or membership in general). */
    public boolean aboutMembership() {
        return topic == Topic.MEMBERSHIP || topic == Topic.OFFER;
    }

    /** In words, for a heading: "membership offer Gold, an email that never arrived". */
    public String describe() {
        String what = switch (topic) {
            case NONE -> "";
            case MEMBERSHIP -> "membership access";
            case OFFER -> "membership offer " + name;
            case COMMUNITY -> "community group " + name;
        };
        if (notReceived) {
            what = what.isEmpty() ? "an email that never arrived" : what + ", an email that never arrived";
        }
        return what.isEmpty() ? "nothing said" : what;
    }
}
