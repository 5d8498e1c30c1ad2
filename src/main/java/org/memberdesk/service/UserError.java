package org.memberdesk.service;

/** A refusal the user can act on; its message is one plain sentence shown as is (CLI, UI, portal). */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
