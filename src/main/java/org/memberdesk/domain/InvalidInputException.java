package org.memberdesk.domain;

/** Input that breaks a rule of the domain; the message is shown to the user as is. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
