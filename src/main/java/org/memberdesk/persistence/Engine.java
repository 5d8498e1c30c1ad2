package org.memberdesk.persistence;

/** What differs between the two databases MemberDesk runs on, where the SQL cannot be the same. */
enum Engine {

    SQLITE("db/migration/sqlite", "org.hibernate.community.dialect.SQLiteDialect",
            "select count(*) from sqlite_master where type = 'table' and name = 'flyway_schema_history'"),
    POSTGRESQL("db/migration/postgresql", "org.hibernate.dialect.PostgreSQLDialect",
            "select count(*) from information_schema.tables"
                    + " where table_schema = current_schema() and table_name = 'flyway_schema_history'");

    private final String migrations;
    private final String dialect;
    private final String historyTableCount;

    Engine(String migrations, String dialect, String historyTableCount) {
        this.migrations = migrations;
        this.dialect = dialect;
        this.historyTableCount = historyTableCount;
    }

    /** The classpath folder of this database's Flyway migrations. */
    String migrations() {
        return migrations;
    }

    String dialect() {
        return dialect;
    }

    /** One row, one number: 1 when Flyway's history table exists in the current schema. */
    String historyTableCount() {
        return historyTableCount;
    }
}
