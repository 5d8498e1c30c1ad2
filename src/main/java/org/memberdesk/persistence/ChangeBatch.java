package org.memberdesk.persistence;

import java.util.List;

/**
 * What a change-feed reader learnt in one look: the new entries in order, and whether it may have
 * missed some ({@code gap}: it fell behind the pruned log, or lost its connection for a while), in
 * which case whoever shows data reloads all of it.
 */
public record ChangeBatch(List<ChangeEntry> entries, boolean gap) {

    public ChangeBatch {
        entries = List.copyOf(entries);
    }
}
