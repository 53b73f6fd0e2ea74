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
}
