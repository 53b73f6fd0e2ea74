package org.newsarchive.cli;

import java.nio.file.Path;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;

/**
 * How the commands open the index they read: {@link OpenIndex#open} itself, or, in a process,
 * an {@link IndexPrefetch} that may have begun opening it already.
 */
@FunctionalInterface
public interface IndexOpener {

    /**
     * Opens the index at {@code location} for reading.
     *
     * @throws IndexUnavailableException when there is no index there or it cannot be read
     */
    OpenIndex open(Path location) throws IndexUnavailableException;

    /**
     * Opens the index when asked, every time. A class rather than {@code OpenIndex::open}: the
     * first lambda or method reference a process evaluates links the JVM's lambda machinery, some
     * 10 ms of interpreted code, and a search process must not spend them before it has started
     * opening its index ({@link IndexPrefetch}).
     */
    IndexOpener DIRECT = new IndexOpener() {
        @Override
        public OpenIndex open(Path location) throws IndexUnavailableException {
            return OpenIndex.open(location);
        }
    };
}
