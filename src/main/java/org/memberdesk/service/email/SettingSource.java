package org.memberdesk.service.email;

import org.memberdesk.service.StateCode;

/** Where a setting in effect comes from: an environment variable (which wins), a stored setting, or neither. */
public enum SettingSource implements StateCode {
    ENVIRONMENT, SETTING,
    /** Nothing set: the built-in default applies. */
    DEFAULT,
    /** Nothing set, and there is no default: the feature is off. */
    NONE;

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code();
    }

    /** The source as the mail layer names it ("environment", "setting" or "default"). */
    public static SettingSource ofCode(String code) {
        for (SettingSource source : values()) {
            if (source.code().equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown setting source: " + code);
    }
}
