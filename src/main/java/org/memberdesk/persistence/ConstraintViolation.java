package org.memberdesk.persistence;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** A write the database refused for a unique or foreign key: the data changed meanwhile. */
public final class ConstraintViolation {

    private ConstraintViolation() {
    }

    /** The database's own words, when this failure is such a refusal. */
    public static Optional<String> message(Throwable failure) {
        return failure instanceof ConstraintViolationException violation
                ? Optional.of(violation.getErrorMessage())
                : Optional.empty();
    }
}
