package io.paddock.storage.recovery;

import io.paddock.storage.log.LogSegment;
import java.util.List;

/**
 * The log as recovery left it.
 *
 * @param segments the valid segments, oldest first
 * @param lastZxid the zxid of the last valid record, 0 if there is none
 * @param repaired true if recovery truncated or deleted anything
 */
public record RecoveredLog(List<LogSegment> segments, long lastZxid, boolean repaired) {
    public RecoveredLog {
        segments = List.copyOf(segments);
    }
}
