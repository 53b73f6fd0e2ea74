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
 * @param added            articles new to the index
 * @param updated          articles whose file (or record) changed since it was last indexed
 * @param unchanged        articles whose file (or record) is what the index has (same size and
 *                         time, or same bytes); for a JSON lines file read from where the last run
 *                         stopped, the articles before that point
 * @param deleted          articles removed because their file disappeared ({@code --prune}) or
 *                         their record is no longer in a rewritten file
 * @param duplicates       records passed over because an earlier record of this run had the same
 *                         id (the same URL, or the same bytes)
 * @param rejected         the first {@value #MAX_LISTED_REJECTIONS} files or records not indexed,
 *                         with the reason; all are reported to the listener as they are found
 * @param rejectedByReason how many of each reason, all of them counted
 * @param skipped          things passed over that are not errors (symlink loops), as messages
 * @param articles         live articles in the index after the run
 * @param elapsed          wall-clock time of the run
 */
public record IndexReport(
        long added,
        long updated,
        long unchanged,
        long deleted,
        long duplicates,
        List<Rejected> rejected,
        Map<RejectReason, Long> rejectedByReason,
        List<String> skipped,
        long articles,
        Duration elapsed) {

    /**
     * Rejections kept in the report itself: a JSON lines file of a million broken lines must not
     * fill the memory with them (each is printed, and written to the {@code --report} file, as
     * it is found).
     */
    public static final int MAX_LISTED_REJECTIONS = 1_000;

    public IndexReport {
        rejected = List.copyOf(rejected);
        Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
        counts.putAll(rejectedByReason);
        rejectedByReason = java.util.Collections.unmodifiableMap(counts);
        skipped = List.copyOf(skipped);
    }

    /** Files and records rejected, all of them. */
    public long rejectedCount() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
