package org.memberdesk.domain;

/**
 * Rows written by an import that has not finished carry its batch id ({@code import_batch_id}) and
 * stay hidden until the batch is released (migration V8). Entities that an import writes restrict
 * every query to the visible rows with {@link #VISIBLE}.
 */
public final class ImportBatch {

    /** The SQL condition of a visible row: written outside an import, or by a released one. */
    public static final String VISIBLE = "import_batch_id is null or import_batch_id not in"
            + " (select pending_batch.id from import_batch pending_batch where pending_batch.released_at is null)";

    private ImportBatch() {
    }
}
