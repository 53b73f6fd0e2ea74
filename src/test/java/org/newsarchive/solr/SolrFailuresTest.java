package org.newsarchive.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

/** What SolrJ throws, as the one line a command prints, and which failures are tried again. */
class SolrFailuresTest {

    @Test
    void aRefusedConnectionAnywhereInTheChainIsAnUnreachableCluster() {
        Exception e = new SolrServerException("IOException occurred when talking to server",
                new IOException("wrapped", new ConnectException("Connection refused")));
        assertEquals("the cluster cannot be reached (Connection refused)", SolrFailures.reason(e));
        assertEquals("collection news on zk:h:1: cannot write: the cluster cannot be reached (Connection refused)",
                SolrFailures.unavailable("collection news on zk:h:1", "cannot write", e).getMessage());
    }

    @Test
    void solrsOwnMessageLosesTheNodeItCameFromAndAllButItsFirstLine() {
        Exception e = new SolrException(SolrException.ErrorCode.BAD_REQUEST,
                "Error from server at http://127.0.0.1:8983/solr/news_1: undefined field nope\nmore detail");
        assertEquals("undefined field nope", SolrFailures.reason(e));
        assertEquals("the cluster cannot be reached (no Solr node answered)", SolrFailures.reason(
                new RuntimeException("Failed fetching live_nodes from [http://127.0.0.1:1/solr]. If you think ...")));
    }

    @Test
    void clientErrorsAreNotTriedAgainAndEverythingElseIs() {
        assertFalse(SolrFailures.worthRetrying(new SolrException(SolrException.ErrorCode.BAD_REQUEST, "bad")));
        assertFalse(SolrFailures.worthRetrying(new SolrServerException(new SolrException(SolrException.ErrorCode.NOT_FOUND, "x"))));
        assertTrue(SolrFailures.worthRetrying(new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE, "no leader")));
        assertTrue(SolrFailures.worthRetrying(new SolrServerException(new ConnectException("Connection refused"))));
    }

    @Test
    void theCommitDataIsOneJsonObjectOfStrings() throws IOException {
        Map<String, String> data = Map.of("schema_version", "5", "roots", "/a\n/b", "record_files", "1 2 3 4 5 a ff /x y.jsonl\n");
        String json = SolrArchiveState.encode(data);
        assertTrue(json.startsWith("{\"record_files\":"), json);
        assertEquals(data, SolrArchiveState.decode(json));
    }
}
