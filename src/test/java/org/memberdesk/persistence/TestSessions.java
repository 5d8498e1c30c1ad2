package org.memberdesk.persistence;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * For tests (and benchmarks) that look at or set up the database with their own queries: the
 * Hibernate session stays inside persistence in the application itself.
 */
public final class TestSessions {

    private TestSessions() {
    }

    public static Session of(Tx t) {
        return t.session();
    }

    public static SessionFactory factory(Database database) {
        return database.sessionFactory();
    }
}
