package org.memberdesk.service.diagnostics;

import java.util.Locale;

/** How bad a finding is; findings are listed worst first. */
public enum Severity {
    /** A cause of the trouble: the contact cannot get in until it is fixed. */
    PROBLEM,
    /** Likely part of the story, worth acting on. */
    WARNING,
    /** Context for the agent; nothing needs doing. */
    INFO;

    /** "problem", "warning", "info". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
