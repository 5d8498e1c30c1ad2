package org.memberdesk.service.email;

/** Where a setting in effect comes from: an environment variable (which wins), a stored setting, or neither. */
public enum SettingSource {
    ENVIRONMENT("environment"), SETTING("setting"),
    /** Nothing set: the built-in default applies. */
    DEFAULT("default"),
    /** Nothing set, and there is no default: the feature is off. */
    NONE("none");

    private final String code;

    SettingSource(String code) {
        this.code = code;
    }

    /** The code JSON prints: "environment", "setting", "default" or "none". */
    public String code() {
        return code;
    }

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code;
    }

    /** The source as the mail layer names it ("environment", "setting" or "default"). */
    public static SettingSource ofCode(String code) {
        for (SettingSource source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown setting source: " + code);
    }
}
