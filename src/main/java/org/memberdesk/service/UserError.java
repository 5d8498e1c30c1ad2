package org.memberdesk.service;

import java.time.Instant;
import java.util.Optional;

/** A refusal the user can act on; its message is one plain sentence shown as is (CLI, UI, portal). */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A save based on what the user loaded, refused because someone changed the same thing since:
     * nothing was written. Says who ({@link #by()}, with their {@link #origin()}) and when, as far
     * as the audit log knows; both are empty when no recorded action explains the change.
     */
    /**
     * The shared database server cannot be reached right now: nothing was written; the same action
     * may succeed in a moment. The message names the server, so the portal answers with a plain
     * 503 page instead of showing it.
     */
    public static final class DatabaseUnreachable extends UserError {
        public DatabaseUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class ChangedMeanwhile extends UserError {
        private final String by;
        private final AuditLog.Origin origin;
        private final Instant at;

        public ChangedMeanwhile(String by, AuditLog.Origin origin, Instant at) {
            // No time here: this sentence is shown as is (command line, portal), where an instant would
            // read as a raw UTC stamp; the console says when, in local time.
            super((by == null ? "changed by someone else (another console or a command-line tool)"
                    : "changed by " + by) + " meanwhile; reload to see the change");
            this.by = by;
            this.origin = origin;
            this.at = at;
        }

        /** The agent's (or workflow's) name; empty when no recorded action explains the change. */
        public Optional<String> by() {
            return Optional.ofNullable(by);
        }

        public Optional<AuditLog.Origin> origin() {
            return Optional.ofNullable(origin);
        }

        public Optional<Instant> at() {
            return Optional.ofNullable(at);
        }
    }
}
