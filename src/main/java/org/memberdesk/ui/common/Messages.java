package org.memberdesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's visible strings, from {@code org/memberdesk/ui/messages.properties}. */
public final class Messages {

    public static final String BUNDLE = "org.memberdesk.ui.messages";

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load() {
        return load(Locale.getDefault());
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The locale of the texts, for formatting dates that stand among them. */
    public Locale locale() {
        Locale locale = bundle.getLocale();
        return locale == null || locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }

    /** The text of {@code key}, with {@code arguments} filled in MessageFormat style when given. */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key, e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    /** The text of {@code key} if the bundle has it, otherwise {@code fallback}. */
    public String getOrDefault(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
