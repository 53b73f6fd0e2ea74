package org.newsarchive.query;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * An index opened for reading: its folder and a point-in-time reader of its last commit. Every
 * reader of an index opens it here, so a missing or damaged index is refused the same way, with
 * the same one-line message, by every command.
 *
 * <p>Closing it runs {@code release}: for an index opened by {@link #open} that closes the
 * reader and the folder; for a {@link #lease} of a reader that a resident process shares
 * between requests, it gives back that one request's reference, once, however often it is
 * closed.
 */
public record OpenIndex(Directory directory, DirectoryReader reader, Closeable release) implements Closeable {

    public OpenIndex {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(release, "release");
    }

    /** An index this process opened itself: closing it closes the reader and the folder. */
    public OpenIndex(Directory directory, DirectoryReader reader) {
        this(directory, reader, () -> {
            try {
                reader.close();
            } finally {
                directory.close();
            }
        });
    }

    /**
     * A reader shared with others, whose reference the caller already took
     * ({@link DirectoryReader#tryIncRef}): closing this gives that reference back, exactly once.
     */
    public static OpenIndex lease(Directory directory, DirectoryReader reader) {
        AtomicBoolean released = new AtomicBoolean();
        return new OpenIndex(directory, reader, () -> {
            if (released.compareAndSet(false, true)) {
                reader.decRef();
            }
        });
    }

    private static final String REBUILD_ADVICE =
            "rebuild it with 'newsarchive reindex PATH...' (the paths it was built from)";

    /**
     * Opens the index at {@code location}.
     *
     * @throws IndexUnavailableException when there is no index there or it cannot be read
     */
    public static OpenIndex open(Path location) throws IndexUnavailableException {
        if (!Files.isDirectory(location)) {
            throw new IndexUnavailableException("no index at " + location + ": run 'newsarchive index PATH...' first");
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(location);
            if (!DirectoryReader.indexExists(directory)) {
                throw new IndexUnavailableException("no index at " + location
                        + ": run 'newsarchive index PATH...' first");
            }
            return new OpenIndex(directory, DirectoryReader.open(directory));
        } catch (IndexUnavailableException e) {
            closeQuietly(directory);
            throw e;
        } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("the index at " + location
                    + " is corrupt or was written by an incompatible version; " + REBUILD_ADVICE, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("cannot read the index at " + location + " ("
                    + e.getClass().getSimpleName() + "); " + REBUILD_ADVICE, e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException | RuntimeException suppressed) {
                // already failing: the first error is the one to report
            }
        }
    }

    /** What the commit being read recorded (schema version, analyzer, entity model, paths). */
    public Map<String, String> commitData() throws IOException {
        return Map.copyOf(reader.getIndexCommit().getUserData());
    }

    @Override
    public void close() throws IOException {
        release.close();
    }
}
