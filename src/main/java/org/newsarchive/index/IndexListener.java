package org.newsarchive.index;

import java.nio.file.Path;
import org.newsarchive.ingest.ParseOutcome.Rejected;

/**
 * Hears about an indexing run as it goes, so a command can report each bad file the moment it
 * is found instead of after an hour-long run. Called from worker threads: implementations must
 * be thread-safe.
 */
public interface IndexListener {

    /** A file was not indexed. */
    default void rejected(Rejected rejected) {
    }

    /** Something was passed over without being an error. */
    default void skipped(Path path, String why) {
    }

    /** A remark about the archive as a whole rather than one file, such as a rebuild it needs. */
    default void note(String message) {
    }

    /**
     * Files dealt with so far (indexed, unchanged or rejected), and articles (added, updated or
     * unchanged: more than files when files hold many records), reported a few times a second
     * at most.
     */
    default void progress(long filesDone, long articlesDone) {
    }

    /** Ignores everything. */
    IndexListener NONE = new IndexListener() {
    };
}
