package org.memberdesk.service.workflow;

import java.time.Duration;

/**
 * One action: {@code welcomeFor} and {@code offer} (Send Membership Welcome Email; the offer only
 * for a chosen offer), {@code linkHours} (Send Reset Link; null means the configured default,
 * 24 hours), {@code tag} (Add Tag, Remove Tag), {@code note} (Add Note), {@code duration} (Wait).
 */
public record ActionSpec(ActionKind kind, WelcomeFor welcomeFor, String offer, String tag, String note,
                         Duration duration, Integer linkHours) {

    public static ActionSpec sendWelcome(WelcomeFor welcomeFor) {
        return new ActionSpec(ActionKind.SEND_WELCOME, welcomeFor, null, null, null, null, null);
    }

    public static ActionSpec sendWelcome(String offer) {
        return new ActionSpec(ActionKind.SEND_WELCOME, WelcomeFor.CHOSEN_OFFER, offer, null, null, null, null);
    }

    public static ActionSpec sendResetLink() {
        return sendResetLink(null);
    }

    public static ActionSpec sendResetLink(Integer linkHours) {
        return new ActionSpec(ActionKind.SEND_RESET_LINK, null, null, null, null, null, linkHours);
    }

    public static ActionSpec addTag(String tag) {
        return new ActionSpec(ActionKind.ADD_TAG, null, null, tag, null, null, null);
    }

    public static ActionSpec removeTag(String tag) {
        return new ActionSpec(ActionKind.REMOVE_TAG, null, null, tag, null, null, null);
    }

    public static ActionSpec addNote(String note) {
        return new ActionSpec(ActionKind.ADD_NOTE, null, null, null, note, null, null);
    }

    public static ActionSpec waitFor(Duration duration) {
        return new ActionSpec(ActionKind.WAIT, null, null, null, null, duration, null);
    }

    public String describe() {
        if (kind == null) {
            return "no action";
        }
        return switch (kind) {
            case SEND_WELCOME -> kind.label() + " for " + (welcomeFor == WelcomeFor.CHOSEN_OFFER ? offer
                    : welcomeFor == null ? "?" : welcomeFor.label());
            case SEND_RESET_LINK -> kind.label() + (linkHours == null ? ""
                    : " (valid " + Durations.plural(linkHours, "hour") + ")");
            case ADD_TAG -> "Add tag " + tag;
            case REMOVE_TAG -> "Remove tag " + tag;
            case ADD_NOTE -> "Add note: " + shorten(note);
            case WAIT -> "Wait " + Durations.describe(duration);
        };
    }

    public ActionSpec normalized() {
        if (kind == null) {
            return this;
        }
        return switch (kind) {
            case SEND_WELCOME -> new ActionSpec(kind, welcomeFor,
                    welcomeFor == WelcomeFor.CHOSEN_OFFER ? offer : null, null, null, null, null);
            case SEND_RESET_LINK -> new ActionSpec(kind, null, null, null, null, null, linkHours);
            case ADD_TAG, REMOVE_TAG -> new ActionSpec(kind, null, null, tag, null, null, null);
            case ADD_NOTE -> new ActionSpec(kind, null, null, null, note == null ? null : note.strip(), null, null);
            case WAIT -> new ActionSpec(kind, null, null, null, null, duration, null);
        };
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
}
