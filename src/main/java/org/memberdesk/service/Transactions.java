package org.memberdesk.service;

import java.util.function.Function;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.persistence.Database;
import org.memberdesk.persistence.StorageProblem;
import org.memberdesk.persistence.Tx;

/**
 * Runs service work in a transaction and turns a broken domain rule, or a database the user must
 * see to (read-only, disk full, file gone), into a {@link UserError}.
 */
public final class Transactions {

    private final Database database;

    public Transactions(Database database) {
        this.database = database;
    }

    public <T> T read(Function<Tx, T> work) {
        try {
            return database.read(work);
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage());
        } catch (StorageProblem e) {
            throw failure(e);
        }
    }

    public <T> T write(Function<Tx, T> work) {
        try {
            return database.write(work);
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage());
        } catch (StorageProblem e) {
            throw failure(e);
        }
    }

    /** A storage problem as the user's to see to; an unreachable server as worth retrying in a moment. */
    public static UserError failure(StorageProblem problem) {
        return problem instanceof StorageProblem.Unreachable
                ? new UserError.DatabaseUnreachable(problem.getMessage(), problem)
                : new UserError(problem.getMessage(), problem);
    }

    public Database database() {
        return database;
    }
}
