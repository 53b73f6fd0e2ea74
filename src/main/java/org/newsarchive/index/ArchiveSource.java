package org.newsarchive.index;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.newsarchive.ingest.ArchiveVisitor;
import org.newsarchive.ingest.ArchiveWalker;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.SourceFormat;

/**
 * The source stage: walks the archive on the calling thread and hands the work over. A file of
 * one article (seed format, a JSON file) goes to the workers as a file, to be read there; a JSON
 * lines file, which may hold millions of articles, is read here by {@link RecordFiles} and goes
 * record by record, so that both cores index one big file; standard input comes last. The walk
 * stops at the run's first failure.
 */
final class ArchiveSource {

    private final RecordFiles recordFiles;
    private final ChangeDecision changes;
    private final IndexCounters counters;

    ArchiveSource(RecordFiles recordFiles, ChangeDecision changes, IndexCounters counters) {
        this.recordFiles = recordFiles;
        this.changes = changes;
        this.counters = counters;
    }

    /**
     * Walks {@code roots}, then reads the JSON lines of {@code standardInput} when it is not
     * null, handing every task to {@code handOver} (which waits while the workers are behind).
     */
    void read(List<Path> roots, InputStream standardInput, Consumer<IndexTask> handOver) {
        ArchiveVisitor visitor = new ArchiveVisitor() {
            @Override
            public void file(Path realPath) {
                changes.reached(realPath);
                if (SourceFormat.of(realPath) == SourceFormat.JSON_LINES) {
                    recordFiles.readJsonLines(realPath, handOver);
                    counters.countFileDone();
                } else {
                    handOver.accept(new IndexTask.FileTask(realPath));
                }
            }

            @Override
            public void rejected(Rejected r) {
                counters.reject(r);
            }

            @Override
            public void skipped(Path path, String why) {
                counters.skip(path, why);
            }
        };
        ArchiveWalker walker = new ArchiveWalker();
        for (Path root : roots) {
            walker.walk(root, visitor);
            if (counters.failed()) {
                break;
            }
        }
        if (standardInput != null && !counters.failed()) {
            recordFiles.readStandardInput(standardInput, handOver);
        }
    }
}
