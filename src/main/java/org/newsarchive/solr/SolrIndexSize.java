package org.newsarchive.solr;

import java.io.IOException;
import java.util.List;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.response.CoreAdminResponse;
import org.apache.solr.common.cloud.ClusterState;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.util.NamedList;
import org.newsarchive.query.IndexUnavailableException;

/**
 * The size on disk of one copy of the archive's collection: the index of each shard's leader,
 * as its node reports it. Replicas are copies, not more archive, so they are not counted.
 */
final class SolrIndexSize {

    private final SolrConnection solr;

    SolrIndexSize(SolrConnection solr) {
        this.solr = solr;
    }

    long bytes() throws IOException {
        long bytes = 0;
        try {
            List<String> collections = solr.client().getClusterStateProvider().resolveAlias(solr.collection());
            ClusterState state = solr.client().getClusterState();
            for (String name : collections) {
                DocCollection collection = state.getCollectionOrNull(name);
                if (collection == null) {
                    continue;
                }
                for (Slice slice : collection.getActiveSlices()) {
                    Replica leader = slice.getLeader();
                    if (leader != null) {
                        bytes += coreBytes(leader);
                    }
                }
            }
        } catch (SolrServerException | RuntimeException e) {
            throw new IndexUnavailableException("cannot read the size of " + solr.target().describe() + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    private static long coreBytes(Replica leader) throws IOException, SolrServerException {
        try (Http2SolrClient node = new Http2SolrClient.Builder(leader.getBaseUrl()).build()) {
            CoreAdminResponse status = CoreAdminRequest.getStatus(leader.getCoreName(), node);
            NamedList<Object> core = status.getCoreStatus(leader.getCoreName());
            Object index = core == null ? null : core.get("index");
            Object size = index instanceof NamedList<?> list ? list.get("sizeInBytes") : null;
            return size instanceof Number n ? n.longValue() : 0;
        }
    }
}
