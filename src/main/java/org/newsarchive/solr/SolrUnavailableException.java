package org.newsarchive.solr;

import java.io.IOException;

/**
 * The SolrCloud of an archive cannot do what was asked: it cannot be reached, the collection or
 * alias is missing, or it refused a request. The message is one line that names the collection
 * and the cluster, and says what is wrong; the cause keeps SolrJ's own exception.
 */
public final class SolrUnavailableException extends IOException {

    public SolrUnavailableException(String message) {
        super(message);
    }

    public SolrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
