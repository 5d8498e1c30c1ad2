package org.memberdesk.service.diagnostics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing the checks found.
 *
 * @param severity how bad it is
 * @param code     stable kebab-case id (see {@link DiagnosticCodes})
 * @param message  one plain sentence for the agent
 * @param evidence the facts behind it, in a stable order: camelCase keys, plain values; times are
 *                 ISO-8601 in UTC (keys ending in {@code At})
 * @param fixes    what fixes it, the recommended one first; empty when nothing needs doing
 */
public record Finding(Severity severity, String code, String message, Map<String, String> evidence,
                      List<Fix> fixes) {

    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        fixes = List.copyOf(fixes);
    }

    /** The recommended fix, or null when the finding needs none. */
    public Fix fix() {
        return fixes.isEmpty() ? null : fixes.get(0);
    }
}
