package org.newsarchive.index;

import java.nio.file.Path;
import org.newsarchive.ingest.Article;

/** Work the source stage hands to a worker: a file to read, or one record of a file the walker reads. */
sealed interface IndexTask permits IndexTask.FileTask, IndexTask.RecordTask {

    /** A file of one article (or a JSON file of many, read on the worker). */
    record FileTask(Path file) implements IndexTask {
    }

    /**
     * @param modified the modification time of the record's file, 0 for standard input
     * @param progress the progress of the record's file, told when the record is in the index
     */
    record RecordTask(Article article, long modified, RecordFileStates.Progress progress) implements IndexTask {
    }
}
