package org.memberdesk.domain;

import java.util.Locale;

/** An enum with a stable external code: lower case with dashes ("self-service", "reset-link"). */
public interface Coded {
    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equalsIgnoreCase(code.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + code);
    }
}
