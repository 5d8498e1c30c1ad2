package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    private static ChangeEntry entry(long seq) {
        return new ChangeEntry(seq, "contact", null, null, null, Instant.EPOCH);
    }

    private static List<Long> seqs(ChangeBatch batch) {
        return batch.entries().stream().map(ChangeEntry::seq).toList();
    }

    @Test
    void deliversWhatCameAfterItsStartOnceEach() {
        ChangeCursor cursor = new ChangeCursor(10);

        assertThat(seqs(cursor.accept(List.of(entry(9), entry(10), entry(11), entry(12)), 1))).containsExactly(11L, 12L);
        assertThat(seqs(cursor.accept(List.of(entry(11), entry(12), entry(13)), 1))).containsExactly(13L);
        assertThat(cursor.position()).isEqualTo(13);
    }

    @Test
    void aLowerNumberCommittedLateIsStillDelivered() {
        ChangeCursor cursor = new ChangeCursor(0);
        cursor.accept(List.of(entry(1), entry(2), entry(4)), 1);

        // 3 was handed out before 4 but committed after it (PostgreSQL); the next read looks behind the cursor.
        assertThat(cursor.readFrom()).isLessThan(3);
        ChangeBatch late = cursor.accept(List.of(entry(1), entry(2), entry(3), entry(4), entry(5)), 1);

        assertThat(seqs(late)).containsExactly(3L, 5L);
        assertThat(late.gap()).isFalse();
    }

    @Test
    void forgetsWhatLiesFurtherBehindThanItsWindow() {
        ChangeCursor cursor = new ChangeCursor(0);
        List<ChangeEntry> many = LongStream.rangeClosed(1, 500).mapToObj(ChangeCursorTest::entry).toList();
        cursor.accept(many, 1);

        assertThat(cursor.readFrom()).isEqualTo(500 - ChangeCursor.WINDOW);
        assertThat(cursor.accept(many.subList(400, 500), 1).entries()).isEmpty();
    }

    @Test
    void aLogPrunedPastTheCursorIsAGap() {
        ChangeCursor cursor = new ChangeCursor(5);

        ChangeBatch batch = cursor.accept(List.of(entry(60_000)), 60_000);

        assertThat(batch.gap()).isTrue();
        assertThat(seqs(batch)).containsExactly(60_000L);
        assertThat(cursor.accept(List.of(entry(60_000), entry(60_001)), 60_000).gap()).isFalse();
    }
}
