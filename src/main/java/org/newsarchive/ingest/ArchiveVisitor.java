package org.newsarchive.ingest;

import java.nio.file.Path;

/**
 * Receives what an {@link ArchiveWalker} finds. A callback rather than a returned list so that an
 * archive of a million files is streamed into the indexer, not held in memory first. A visitor
 * that only counts or compares files ignores rejections and skips by default.
 */
public interface ArchiveVisitor {

    /**
     * A candidate article file, to be parsed.
     *
     * @param realPath the file's real, absolute path ({@link Path#toRealPath}), reported once per
     *                 walker however many symlinks lead to it
     */
    void file(Path realPath);

    /**
     * Something below the root could not be read, typically a folder ({@link RejectReason#UNREADABLE}).
     * The walk goes on.
     */
    default void rejected(ParseOutcome.Rejected rejected) {
    }

    /**
     * Something was deliberately left out, not an error: a symlink loop, a broken symlink, a
     * {@code .txt} name that is not a regular file. Reported so that a user can see why an
     * expected file was not indexed.
     *
     * @param path the path as reached in the walk (not resolved: it may not resolve)
     * @param why  a short phrase such as {@code "symlink loop"}
     */
    default void skipped(Path path, String why) {
    }
}
