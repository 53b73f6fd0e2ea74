package org.newsarchive.query;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an index holds.
 *
 * @param articles    live articles
 * @param firstDate   earliest publication date, null when empty
 * @param lastDate    latest publication date, null when empty
 * @param sizeBytes   bytes the index takes on disk (on SolrCloud: one copy, the shard leaders')
 * @param sourceBytes bytes of the source files the articles came from
 * @param duplicateClusters groups of two or more near-duplicate articles (see {@code NearDuplicates}); -1 when
 *                    not counted (a SolrCloud collection)
 * @param commitData  what the last commit recorded (schema version, analyzer, ...)
 */
public record ArchiveStats(
        String index,
        long articles,
        LocalDate firstDate,
        LocalDate lastDate,
        long sizeBytes,
        long sourceBytes,
        long duplicateClusters,
        Map<String, String> commitData) {
}
