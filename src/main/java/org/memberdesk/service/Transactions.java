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
            throw new UserError(e.getMessage(), e);
        }
    }

    public <T> T write(Function<Tx, T> work) {
        try {
            return database.write(work);
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage());
        } catch (StorageProblem e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    public Database database() {
        return database;
    }
}
