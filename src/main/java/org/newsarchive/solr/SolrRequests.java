package org.newsarchive.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.newsarchive.query.FirstLine;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.InvalidQueryException;

/**
 * The searches sent to an archive's collection, with Solr's failures turned into the archive's:
 * a request Solr refuses as malformed is an invalid query (exit 2, HTTP 400); a cluster or
 * collection that cannot be reached is an unavailable archive (exit 4, HTTP 503), named in one line.
 */
final class SolrRequests {

    private final SolrConnection solr;

    SolrRequests(SolrConnection solr) {
        this.solr = solr;
    }

    SolrConnection connection() {
        return solr;
    }

    /** Runs a search on the archive's collection (sent as a POST: parsed queries can be long). */
    QueryResponse select(SolrQuery query) throws IOException {
        try {
            return solr.client().query(solr.collection(), query, SolrRequest.METHOD.POST);
        } catch (SolrServerException e) {
            throw unavailable(e);
        } catch (SolrException e) {
            if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code && !notFound(e)) {
                throw new InvalidQueryException("invalid query: SolrCloud refused it: " + FirstLine.of(e.getMessage()), e);
            }
            throw unavailable(e);
        }
    }

    private static boolean notFound(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("not found") || message.contains("no live solrservers") || message.contains("cannot find");
    }

    IndexUnavailableException unavailable(Exception e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return new IndexUnavailableException("cannot read " + solr.target().describe() + ": "
                + FirstLine.of(String.valueOf(cause.getMessage())), e);
    }
}
