package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;

/**
 * Opens, on a second thread, the index a command line names, while the main thread builds the
 * command line and parses the arguments. In a search process, opening the index (reading the
 * commit and every segment's metadata, and initialising Lucene's classes on the way) took about
 * 70 ms of CPU time, and what came before it on the main thread (picocli's command model, the
 * argument parse) about 50 ms; on two cores the two overlap, which took a search of the Reuters
 * index from 252 to 240 ms (median of 20 runs).
 *
 * <p>The location is found in the arguments the way the command will resolve it: the
 * subcommand's {@code --index}, else the global one, else the default. The command gets the
 * early-opened index only when it asks for that same location; otherwise, or when opening early
 * failed, it opens the index itself, on its own thread, so that every error is reported as it
 * is without the prefetch.
 */
final class IndexPrefetch implements IndexOpener {

    /** The subcommands that read an index through {@link CliEnvironment#indexes()}. */
    private static final Set<String> READERS = Set.of("search", "show", "stats", "entities", "timeline", "similar");

    private final Path location;
    private final FutureTask<OpenIndex> opening;
    private boolean handedOver;

    private IndexPrefetch(Path location, FutureTask<OpenIndex> opening) {
        this.location = location;
        this.opening = opening;
    }

    /**
     * Starts opening the index these arguments name, when they run a command that reads one;
     * the opener to give the commands.
     */
    static IndexOpener start(CliEnvironment environment, String... args) {
        String command = NewsArchiveCommand.subcommandOf(args);
        Path location = command != null && READERS.contains(command) ? location(environment, args) : null;
        if (location == null) {
            return IndexOpener.DIRECT;
        }
        // an inner class, not a lambda: see IndexOpener.DIRECT
        FutureTask<OpenIndex> opening = new FutureTask<>(new Callable<OpenIndex>() {
            @Override
            public OpenIndex call() throws IndexUnavailableException {
                return OpenIndex.open(location);
            }
        });
        Thread thread = new Thread(opening, "index-prefetch");
        thread.setDaemon(true); // a command that never asks for the index must not wait for it
        thread.start();
        return new IndexPrefetch(location, opening);
    }

    /**
     * The index location the arguments give: the last {@code --index} after the subcommand,
     * else the last one before it, else the environment's default; null when a given location
     * is not a valid path (the command will say so).
     */
    static Path location(CliEnvironment environment, String... args) {
        String global = null;
        String local = null;
        boolean afterCommand = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            if (arg.equals("--index") && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--index=")) {
                value = arg.substring("--index=".length());
            } else if (arg.equals("--aliases") && !afterCommand) {
                i++;
            } else if (arg.equals("--")) {
                break; // what follows is positional
            } else if (!arg.startsWith("-")) {
                afterCommand = true;
            }
            if (value != null) {
                if (afterCommand) {
                    local = value;
                } else {
                    global = value;
                }
            }
        }
        String given = local != null ? local : global;
        try {
            return given != null ? Path.of(given) : environment.defaultIndex();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    @Override
    public synchronized OpenIndex open(Path requested) throws IndexUnavailableException {
        if (!handedOver) {
            handedOver = true;
            OpenIndex early = awaitOpening();
            if (early != null && requested.equals(location)) {
                return early;
            }
            closeQuietly(early);
        }
        return OpenIndex.open(requested);
    }

    /** The early-opened index, or null when opening it failed. */
    private OpenIndex awaitOpening() {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            return null; // opened again on this thread, which reports the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void closeQuietly(OpenIndex index) {
        if (index != null) {
            try {
                index.close();
            } catch (IOException | RuntimeException ignored) {
                // an index this command does not read
            }
        }
    }
}
