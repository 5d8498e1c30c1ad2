package org.memberdesk.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Where a change-feed reader is: the highest sequence number it has delivered, and which numbers
 * just behind it it has seen. Sequence numbers are handed out when a row is written, not when it
 * commits; where transactions commit out of order (PostgreSQL) a lower number can appear after a
 * higher one. So each read starts {@link #WINDOW} numbers behind the cursor and skips what was
 * delivered already. A reader that finds the log pruned past its cursor reports a gap.
 */
final class ChangeCursor {

    /** How far behind its cursor a reader looks again for late commits. */
    static final int WINDOW = 100;

    private final long floor;
    private long cursor;
    private final NavigableSet<Long> recent = new TreeSet<>();

    /** A reader that delivers what is committed after the entry {@code startAfter} (0: from the first). */
    ChangeCursor(long startAfter) {
        this.floor = startAfter;
        this.cursor = startAfter;
    }

    /** Read entries with a sequence number above this one. */
    long readFrom() {
        return Math.max(0, cursor - WINDOW);
    }

    long position() {
        return cursor;
    }

    /**
     * The entries of a read that were not delivered yet, in order.
     *
     * @param read   what the log held above {@link #readFrom()}, in sequence order
     * @param oldest the lowest sequence number still in the log (0 when it is empty)
     */
    ChangeBatch accept(List<ChangeEntry> read, long oldest) {
        boolean gap = oldest > cursor + 1;
        List<ChangeEntry> fresh = new ArrayList<>();
        for (ChangeEntry entry : read) {
            if (entry.seq() > floor && (entry.seq() > cursor || !recent.contains(entry.seq()))) {
                fresh.add(entry);
                recent.add(entry.seq());
                cursor = Math.max(cursor, entry.seq());
            }
        }
        recent.headSet(cursor - WINDOW, true).clear();
        return new ChangeBatch(fresh, gap);
    }
}
