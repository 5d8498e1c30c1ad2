package org.memberdesk.service.activity;

import java.util.List;
import org.memberdesk.service.AuditLog;

/** One page of the Activity view: the events on it (newest first) and how many match in all. */
public record ActivityPage(List<AuditLog.Entry> entries, long total, int offset, int limit) {

    public boolean hasMore() {
        return offset + entries.size() < total;
    }
}
