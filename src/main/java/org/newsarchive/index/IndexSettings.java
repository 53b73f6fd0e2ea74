package org.newsarchive.index;

import java.time.Duration;
import java.util.Objects;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.FieldMap;

/**
 * How an indexing run works.
 *
 * @param threads        parsing and analysis workers feeding the one IndexWriter
 * @param maxFileSize    files larger than this many bytes are rejected unread
 * @param prune          remove the articles of files that disappeared under the given paths
 * @param commitEvery    commit once this many new or changed articles have accumulated (workers go
 *                       on while one of them commits, so a commit may hold more); a killed run
 *                       loses what came after its last commit, which the next run redoes
 * @param commitInterval commit at least this often while articles keep coming
 * @param fieldMap       which fields of a JSON record hold the article's parts; null for the map the
 *                       index was built with (its commit records it), or the default
 */
public record IndexSettings(int threads, long maxFileSize, boolean prune, int commitEvery, Duration commitInterval,
        FieldMap fieldMap) {

    /**
     * Default commit period in articles: at most a couple of minutes of work to redo after a
     * crash. Each commit flushes small segments that must then be merged: committing every
     * 10,000 articles cost 17% more CPU than committing once when indexing 200,000 articles
     * without entities (and left 24 segments instead of 8 for searches to visit).
     */
    public static final int DEFAULT_COMMIT_EVERY = 100_000;

    /** Default commit period in time. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(60);

    public IndexSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("the file size limit must be 1 byte or more, not " + maxFileSize);
        }
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be 1 or more, not " + commitEvery);
        }
        Objects.requireNonNull(commitInterval, "commitInterval");
    }

    /** With the field mapping the index records. */
    public IndexSettings(int threads, long maxFileSize, boolean prune, int commitEvery, Duration commitInterval) {
        this(threads, maxFileSize, prune, commitEvery, commitInterval, null);
    }

    /** One worker per core, the default 16 MiB file limit, no pruning, the default commit period. */
    public static IndexSettings defaults() {
        return new IndexSettings(Runtime.getRuntime().availableProcessors(), ArticleParser.DEFAULT_MAX_FILE_SIZE,
                false, DEFAULT_COMMIT_EVERY, DEFAULT_COMMIT_INTERVAL);
    }

    /** Legacy shape: threads and file limit, everything else default. */
    public IndexSettings(int threads, long maxFileSize) {
        this(threads, maxFileSize, false, DEFAULT_COMMIT_EVERY, DEFAULT_COMMIT_INTERVAL);
    }

    public IndexSettings withPrune(boolean value) {
        return new IndexSettings(threads, maxFileSize, value, commitEvery, commitInterval, fieldMap);
    }

    public IndexSettings withCommitEvery(int articles) {
        return new IndexSettings(threads, maxFileSize, prune, articles, commitInterval, fieldMap);
    }

    public IndexSettings withFieldMap(FieldMap map) {
        return new IndexSettings(threads, maxFileSize, prune, commitEvery, commitInterval, map);
    }
}
