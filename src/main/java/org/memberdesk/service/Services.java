package org.memberdesk.service;

import java.time.Clock;
import org.memberdesk.persistence.Database;

/**
 * The back end of one data directory, wired once: the database and every use case. The console,
 * the command line and the portal each open one and call only what is here.
 */
public final class Services implements AutoCloseable {

    private final DataDirectory dataDirectory;
    private final Clock clock;
    private final Database database;
    private final Transactions transactions;
    private final AuditLog audit;
    private final ContactService contacts;
    private final OfferService offers;
    private final DemoData demo;

    private Services(DataDirectory dataDirectory, Clock clock, Database database) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.database = database;
        this.transactions = new Transactions(database);
        this.audit = new AuditLog(transactions, clock);
        this.contacts = new ContactService(transactions, audit, clock);
        this.offers = new OfferService(transactions, audit, clock);
        this.demo = new DemoData(transactions, clock);
    }

    /** Opens (creating and migrating when needed) the database of a data directory. */
    public static Services open(DataDirectory dataDirectory, Clock clock) {
        dataDirectory.ensureExists();
        return new Services(dataDirectory, clock, Database.open(dataDirectory.database()));
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    public Clock clock() {
        return clock;
    }

    public Transactions transactions() {
        return transactions;
    }

    public AuditLog audit() {
        return audit;
    }

    public ContactService contacts() {
        return contacts;
    }

    public OfferService offers() {
        return offers;
    }

    public DemoData demo() {
        return demo;
    }

    @Override
    public void close() {
        database.close();
    }
}
