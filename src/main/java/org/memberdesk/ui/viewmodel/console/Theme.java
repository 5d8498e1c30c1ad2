package org.memberdesk.ui.viewmodel.console;

import java.util.Locale;

/** View → Theme: follow the operating system, or always light or dark. */
public enum Theme {
    SYSTEM, LIGHT, DARK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Theme of(String code) {
        for (Theme theme : values()) {
            if (theme.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return theme;
            }
        }
        return SYSTEM;
    }
}
