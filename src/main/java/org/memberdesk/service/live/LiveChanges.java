package org.memberdesk.service.live;

import java.util.function.Consumer;
import org.memberdesk.persistence.ChangeBatch;
import org.memberdesk.persistence.ChangeEntry;
import org.memberdesk.persistence.ChangeFeed;

/**
 * Whatever anyone commits to this data directory's database (this console, its portal and
 * workflows, a CLI command, another desk), told to subscribers shortly after the commit. The
 * console session subscribes once and routes each batch to the windows it concerns.
 */
public final class LiveChanges {

    private final ChangeFeed feed;

    public LiveChanges(ChangeFeed feed) {
        this.feed = feed;
    }

    /**
     * Delivers every batch committed from now on, on the feed's thread (never the UI thread). The
     * returned action unsubscribes.
     */
    public Runnable subscribe(Consumer<Changes> subscriber) {
        return feed.subscribe(batch -> subscriber.accept(changes(batch)));
    }

    private static Changes changes(ChangeBatch batch) {
        return new Changes(batch.entries().stream().map(LiveChanges::change).toList(), batch.gap());
    }

    private static Change change(ChangeEntry entry) {
        return new Change(ChangeKind.ofCode(entry.kind()), entry.contactId(), entry.subjectId(), entry.settingKey(),
                entry.at());
    }
}
