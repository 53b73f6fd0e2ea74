package org.newsarchive.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/**
 * Turns what SolrJ throws into one line a user can act on, and says which failures are worth a
 * second try (a node that went away, a shard between two leaders) and which are not (a request
 * Solr refused as malformed).
 */
final class SolrFailures {

    private SolrFailures() {
    }

    /**
     * The failure as a {@link SolrUnavailableException} whose message says where, what was being
     * done, and why: {@code collection news on zk:host:2181: cannot write: the cluster cannot be reached (Connection refused)}.
     */
    static SolrUnavailableException unavailable(String where, String doing, Throwable failure) {
        if (failure instanceof SolrUnavailableException already) {
            return already;
        }
        return new SolrUnavailableException(where + ": " + doing + ": " + reason(failure), failure);
    }

    /** Why a request failed, in words, on one line. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof ClosedChannelException) {
                return "the cluster cannot be reached (" + firstLine(t.getMessage(), "connection refused") + ")";
            }
            if (t instanceof UnknownHostException) {
                return "the cluster cannot be reached (unknown host " + t.getMessage() + ")";
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                String message = firstLine(t.getMessage(), "");
                return message.contains("ZooKeeper") ? "ZooKeeper cannot be reached (" + message + ")"
                        : "the cluster did not answer in time" + (message.isEmpty() ? "" : " (" + message + ")");
            }
        }
        String message = null;
        for (Throwable t = failure; t != null && message == null; t = t.getCause()) {
            if (t instanceof SolrException || t instanceof SolrServerException || t instanceof IOException) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = failure.getMessage();
        }
        message = firstLine(message, failure.getClass().getSimpleName());
        // "Error from server at http://host:8983/solr/news_1: ..." names a node, not the problem
        if (message.startsWith("Error from server at ")) {
            int colon = message.indexOf(": ", "Error from server at ".length());
            if (colon > 0) {
                message = message.substring(colon + 2);
            }
        }
        if (message.startsWith("Tried fetching live_nodes") || message.startsWith("Failed fetching live_nodes")
                || message.contains("Could not find a healthy node")
                || message.contains("Failed to determine live nodes")) {
            return "the cluster cannot be reached (no Solr node answered)";
        }
        return message;
    }

    /**
     * Whether a failed request may succeed if sent again: anything but a request Solr answered
     * with a client error (4xx: malformed, refused, not found).
     */
    static boolean worthRetrying(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SolrException solr && solr.code() >= 400 && solr.code() < 500) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message, String otherwise) {
        if (message == null || message.isBlank()) {
            return otherwise;
        }
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
