package org.newsarchive.index;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;

/**
 * What one indexing run did.
 *
 * @param added     articles new to the index
 * @param updated   articles whose file changed since it was last indexed
 * @param unchanged articles whose file is what the index has (same size and time, or same bytes)
 * @param deleted   articles removed because their file disappeared ({@code --prune})
 * @param rejected  files not indexed, with the reason
 * @param skipped   things passed over that are not errors (symlink loops), as messages
 * @param articles  live articles in the index after the run
 * @param elapsed   wall-clock time of the run
 */
public record IndexReport(
        long added,
        long updated,
        long unchanged,
        long deleted,
        List<Rejected> rejected,
        List<String> skipped,
        long articles,
        Duration elapsed) {

    public IndexReport {
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    /** Rejections counted by reason, in the reason's declaration order. */
    public Map<RejectReason, Long> rejectedByReason() {
        Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
        for (Rejected r : rejected) {
            counts.merge(r.reason(), 1L, Long::sum);
        }
        return counts;
    }

    /** Files this run looked at, whatever became of them. */
    public long filesSeen() {
        return added + updated + unchanged + rejected.size();
    }
}
