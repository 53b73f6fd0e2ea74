package org.newsarchive.index;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link RecordFileState} of each file of many records, as the last commit recorded them and
 * as this run changes them: the reader of such files publishes a file's new state, pruning
 * forgets the states of files that are gone, and every commit records them all. A state is
 * published only once every record before its point is in the writer (see {@link Progress}).
 *
 * <p>Thread-safe: the walker reads JSON lines files while workers read JSON files and commit.
 */
final class RecordFileStates {

    private final Map<String, RecordFileState> states;

    /** @param recorded the states of the last commit; empty for a rebuild */
    RecordFileStates(Map<String, RecordFileState> recorded) {
        this.states = new ConcurrentHashMap<>(recorded);
    }

    /** The state of the file at {@code path}, or null when it has none. */
    RecordFileState get(String path) {
        return states.get(path);
    }

    /** Makes {@code state} the file's: the next commit records it. */
    void publish(String path, RecordFileState state) {
        states.put(path, state);
    }

    /** Drops the state of a file whose articles were pruned, or that is gone. */
    void forget(String path) {
        states.remove(path);
    }

    /** The files with a state whose paths start with {@code prefix}, in order. */
    List<String> pathsStartingWith(String prefix) {
        return states.keySet().stream().filter(path -> path.startsWith(prefix)).sorted().toList();
    }

    /** The states for the commit, in path order. */
    String encoded() {
        return RecordFileState.encode(new TreeMap<>(states));
    }

    /** Follows the records of the file at {@code path} through the workers. */
    Progress progress(String path) {
        return new Progress(path);
    }

    /**
     * The progress of one file's records through the workers. The file's new state is published
     * when the reader has finished and every record it handed over is in the writer, never
     * before: a commit in between must not claim records the index does not have. A record that
     * fails to be written fails the run, and the state is never published.
     */
    final class Progress {
        private final String path;
        private final AtomicLong pending = new AtomicLong(1); // the reader's own share
        private volatile RecordFileState state;

        private Progress(String path) {
            this.path = path;
        }

        /** A record goes to the workers. */
        void handedOver() {
            pending.incrementAndGet();
        }

        /** A record is in the writer. */
        void done() {
            if (pending.decrementAndGet() == 0 && state != null) {
                publish(path, state);
            }
        }

        /** The reader has finished; {@code finalState} is null for standard input, which has none. */
        void finish(RecordFileState finalState) {
            this.state = finalState;
            done();
        }
    }
}
