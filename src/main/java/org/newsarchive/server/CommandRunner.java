package org.newsarchive.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;

/**
 * Runs one command line of the CLI inside the server, for the launcher: the server holds the
 * index open and warm, so a forwarded {@code search} costs milliseconds instead of a JVM start.
 * The CLI provides it (the server does not know the commands); the server provides the index.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * What the caller's process sees of its environment.
     *
     * @param variables the environment variables the commands read ({@code NEWSARCHIVE_INDEX},
     *                  {@code NO_COLOR}, {@code TERM})
     * @param directory the caller's working directory (relative paths are resolved against it)
     * @param terminal  whether the caller's standard output is a terminal
     */
    record Caller(Map<String, String> variables, Path directory, boolean terminal) {
        public Caller {
            variables = Map.copyOf(variables);
        }
    }

    /** What the command printed and its exit code. */
    record Outcome(int exitCode, String out, String err) {
    }

    /** The served index, lent to one command. */
    interface IndexLender {
        /** Where the served index lives (its real path). */
        Path location();

        /** The newest reader of the served index; closing it gives it back. */
        OpenIndex lend() throws IndexUnavailableException;
    }

    /**
     * Runs {@code args} as the CLI would, or returns null when this command line is not one to
     * run here (it writes files, reads input, or names another index): the launcher then starts
     * a JVM as usual.
     */
    Outcome run(List<String> args, Caller caller, IndexLender index);
}
