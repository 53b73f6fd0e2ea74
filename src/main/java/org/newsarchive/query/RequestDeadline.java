package org.newsarchive.query;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * A time limit per request for searchers shared between threads. Lucene asks a searcher's
 * {@link QueryTimeout} whether to stop while it matches and counts; one shared searcher serves
 * many requests at once, so the deadline is the calling thread's, set around each request with
 * {@link #start} and cleared by closing what it returns. A thread without a deadline (every CLI
 * run) is never stopped.
 */
public final class RequestDeadline implements QueryTimeout {

    /** The one instance: the state is per thread. */
    public static final RequestDeadline PER_THREAD = new RequestDeadline();

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private RequestDeadline() {
    }

    /** A running deadline: whether it fired, and its end when closed. */
    public static final class Running implements AutoCloseable {
        private final long[] state;

        private Running(long[] state) {
            this.state = state;
        }

        /** Whether a search of this request stopped early because the time was up. */
        public boolean fired() {
            return state[1] != 0;
        }

        @Override
        public void close() {
            DEADLINE.remove();
        }
    }

    /** Starts a deadline of {@code limit} from now for this thread's searches. */
    public static Running start(Duration limit) {
        long[] state = {System.nanoTime() + limit.toNanos(), 0};
        DEADLINE.set(state);
        return new Running(state);
    }

    @Override
    public boolean shouldExit() {
        long[] state = DEADLINE.get();
        if (state == null) {
            return false;
        }
        if (state[1] != 0 || System.nanoTime() - state[0] > 0) {
            state[1] = 1;
            return true;
        }
        return false;
    }
}
