package org.newsarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.util.Utils;
import org.newsarchive.bench.QueryBench.Case;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.query.Archive;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.query.EntityCounts;
import org.newsarchive.query.SearchResult;
import org.newsarchive.query.Timeline;
import org.newsarchive.solr.SolrArchive;
import org.newsarchive.solr.SolrArchiveState;
import org.newsarchive.solr.SolrConnection;
import org.newsarchive.solr.SolrTarget;

/**
 * The query set of {@link QueryBench} on the local index and on a SolrCloud collection in the
 * same run, through the same {@link Archive} requests: warm-up on both, then each query timed on
 * one thread, local then Solr; prints p50/p99 per query and back-end as a Markdown table, and
 * whether both found the same number of articles. The Solr archive is opened as the commands
 * open it for {@code --solr}. Run by {@code scripts/bench/solr.sh}; not a test.
 *
 * <p>Usage: {@code SolrQueryBench LOCAL_INDEX SOLR COLLECTION [SECONDS_PER_QUERY]}, SOLR as
 * {@code --solr} takes it ({@code zk:HOST:PORT/chroot} or a Solr base URL).
 */
public final class SolrQueryBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SolrQueryBench() {
    }

    /** A query of the set on both back-ends, what each answered the first time, and the Solr requests of one call. */
    private record Pair(String name, Case local, Case solr, String localTotal, String solrTotal, String refusal,
            String requests) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SolrQueryBench LOCAL_INDEX SOLR COLLECTION [SECONDS_PER_QUERY]");
            System.exit(2);
        }
        Path index = Path.of(args[0]);
        SolrTarget target = SolrTarget.parse(args[1], args[2]);
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 2.0;
        SolrConnection connection = SolrConnection.open(target);
        try (ArchiveSearcher local = ArchiveSearcher.open(index);
                SolrArchive solr = SolrArchive.over(connection, AliasTable.defaults(), SolrArchiveState::read)) {
            HttpClient http = HttpClient.newHttpClient();
            List<Case> localCases = QueryBench.cases(local);
            List<Case> solrCases = QueryBench.cases(solr);
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < localCases.size(); i++) {
                Case l = localCases.get(i);
                Case s = solrCases.get(i);
                String localTotal = totals(l.run().call());
                String solrTotal = null;
                String refusal = null;
                String requests = "-";
                try {
                    solrTotal = totals(s.run().call());
                    long[] before = selects(connection, http);
                    s.run().call();
                    long[] after = selects(connection, http);
                    if (before != null && after != null) {
                        requests = (after[0] - before[0]) + " + " + (after[1] - before[1]);
                    }
                } catch (Exception e) {
                    // a request the Solr back-end refuses (it says so in one line): not timed
                    refusal = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
                }
                pairs.add(new Pair(l.name(), l, s, localTotal, solrTotal, refusal, requests));
            }
            // warm-up: every query on both back-ends until the JITs (here and in the nodes) have settled
            for (int round = 0; round < 3; round++) {
                for (Pair p : pairs) {
                    QueryBench.runFor(p.local(), seconds / 2);
                    if (p.refusal() == null) {
                        QueryBench.runFor(p.solr(), seconds / 2);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "Articles: local %d, Solr %d (%s).%n%n", local.articles(), solr.articles(),
                    target.describe());
            System.out.println("| query | local p50 ms | local p99 | Solr p50 ms | Solr p99 | Solr p50 ÷ local p50 "
                    + "| Solr requests of one call: sent + to shards | same totals |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
            List<String> refusals = new ArrayList<>();
            for (Pair p : pairs) {
                double[] l = QueryBench.percentiles(QueryBench.runFor(p.local(), seconds));
                if (p.refusal() != null) {
                    refusals.add(p.name() + ": " + p.refusal());
                    System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | refused | - | - | - | - |%n", p.name(), l[0], l[2]);
                    continue;
                }
                double[] s = QueryBench.percentiles(QueryBench.runFor(p.solr(), seconds));
                String same = p.localTotal().equals(p.solrTotal())
                        ? "yes (" + p.localTotal() + ")"
                        : "no (local " + p.localTotal() + ", Solr " + p.solrTotal() + ")";
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.1f | %s | %s |%n",
                        p.name(), l[0], l[2], s[0], s[2], s[0] / l[0], p.requests(), same);
            }
            // the floor: one bare distributed request from the same client, nothing of ours around it
            Case bare = new Case("bare", () -> connection.client().query(connection.collection(), new SolrQuery("*:*").setRows(0)));
            QueryBench.runFor(bare, seconds / 2);
            long[] before = selects(connection, http);
            bare.run().call();
            long[] after = selects(connection, http);
            double[] b = QueryBench.percentiles(QueryBench.runFor(bare, seconds));
            System.out.println();
            System.out.printf(Locale.ROOT, "The floor, one bare SolrJ request (`q=*:*&rows=0`) from the same client: p50 %.2f ms, p99 %.2f ms%s.%n",
                    b[0], b[2], before == null || after == null ? ""
                            : ", " + (after[0] - before[0]) + " + " + (after[1] - before[1]) + " requests");
            if (!refusals.isEmpty()) {
                System.out.println();
                for (String refusal : refusals) {
                    System.out.println("Refused by the Solr back-end: " + refusal);
                }
            }
        }
    }

    /**
     * The search requests the collection's cores have answered so far, summed over the live
     * nodes: {requests received (each call's own, by the core that coordinates it), requests
     * from a coordinating core to the shards (each phase of a distributed request, per shard)};
     * null when the nodes keep no metrics (Solr's test cluster needs {@code -DmetricsEnabled=true}).
     */
    static long[] selects(SolrConnection solr, HttpClient http) throws Exception {
        long[] counts = new long[2];
        for (String node : solr.client().getClusterState().getLiveNodes()) {
            String url = Utils.getBaseUrlForNodeName(node, "http")
                    + "/admin/metrics?group=core&wt=json&prefix=QUERY./select.requests,QUERY./select%5Bshard%5D.requests";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode metrics = JSON.readTree(response.body()).path("metrics");
            if (!metrics.isObject()) {
                return null;
            }
            for (JsonNode core : metrics) {
                counts[0] += core.path("QUERY./select.requests").asLong();
                counts[1] += core.path("QUERY./select[shard].requests").asLong();
            }
        }
        return counts;
    }

    /** What a request counted: the matches of a search (complete, and partial when there were any), the articles of counts and timelines. */
    static String totals(Object result) {
        if (result instanceof SearchResult r) {
            return r.partialTotal().isPresent() ? r.total() + " + " + r.partialTotal().getAsLong() + " partial" : String.valueOf(r.total());
        }
        if (result instanceof EntityCounts c) {
            return String.valueOf(c.articles());
        }
        if (result instanceof Timeline t) {
            return String.valueOf(t.total());
        }
        return String.valueOf(result);
    }
}
