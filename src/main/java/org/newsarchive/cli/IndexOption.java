package org.newsarchive.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --index} option after a subcommand, since people type
 * {@code newsarchive search --index DIR ...} as often as the documented
 * {@code newsarchive --index DIR search ...}.
 */
final class IndexOption {

    @Option(names = "--index", paramLabel = "DIR", description = "Index location (same as the global --index).")
    Path index;

    /** This option's value, else the global one, else the default location. */
    Path resolve(NewsArchiveCommand top) {
        return top.indexLocation(index);
    }
}
