package org.newsarchive.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file's content from its bytes as stored: decompressed when its name says gzip, or why it
 * cannot be read. Decompression stops one byte past the limit, so that a small file that
 * expands to gigabytes is rejected without being expanded.
 *
 * @param bytes    the content, or null when rejected
 * @param rejected why there is no content, or null
 */
record StoredContent(byte[] bytes, ParseOutcome.Rejected rejected) {

    static StoredContent of(Path path, byte[] stored, long limit) {
        if (!SourceFormat.isCompressed(path)) {
            return new StoredContent(stored, null);
        }
        byte[] content;
        try {
            content = SourceFormat.gunzip(stored, limit);
        } catch (IOException e) {
            return new StoredContent(null, new ParseOutcome.Rejected(path, RejectReason.UNREADABLE, IoProblem.unreadable(e)));
        }
        if (content.length > limit) {
            return new StoredContent(null, new ParseOutcome.Rejected(path, RejectReason.TOO_LARGE,
                    "decompressed content is over the " + ArticleParser.formatSize(limit) + " limit"));
        }
        return new StoredContent(content, null);
    }
}
