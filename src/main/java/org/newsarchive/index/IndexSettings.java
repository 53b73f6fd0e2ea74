package org.newsarchive.index;

import org.newsarchive.ingest.ArticleParser;

/**
 * How an indexing run works.
 *
 * @param threads     parsing and analysis workers feeding the one IndexWriter
 * @param maxFileSize files larger than this many bytes are rejected unread
 */
public record IndexSettings(int threads, long maxFileSize) {

    public IndexSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("the file size limit must be 1 byte or more, not " + maxFileSize);
        }
    }

    /** One worker per core and the default 16 MiB file limit. */
    public static IndexSettings defaults() {
        return new IndexSettings(Runtime.getRuntime().availableProcessors(), ArticleParser.DEFAULT_MAX_FILE_SIZE);
    }
}
