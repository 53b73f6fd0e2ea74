package org.newsarchive.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.newsarchive.query.CountedField;
import org.newsarchive.query.EntityCount;
import org.newsarchive.query.EntityCounts;
import org.newsarchive.query.KeyCounts;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.SolrConfigSet;

/**
 * Entity, source and author counts on SolrCloud: one terms facet per field with
 * {@code refine:true}, so that every returned key's count is exact across shards, then the same
 * merge and order as the local counter (most frequent first, ties by type, then key) and the
 * same display name (the stored form of the key in the first article, by id, that has it).
 */
final class SolrKeyCounts implements KeyCounts {

    private final SolrRequests solr;

    SolrKeyCounts(SolrRequests solr) {
        this.solr = solr;
    }

    /**
     * Each shard is asked for this many times the keys wanted, plus {@link #OVERREQUEST_MIN}: a
     * key can make the top of the whole collection while in no shard's own top (a key with 4
     * articles on each of two shards), and refinement only corrects the counts of keys some
     * shard returned. Solr's default (10% + 4) dropped keys tied near the twentieth place on the
     * Reuters collection; ten times and a hundred returned exactly the local top 20 there.
     */
    private static final int OVERREQUEST_FACTOR = 10;
    private static final int OVERREQUEST_MIN = 100;

    private record Bucket(CountedField type, String key, long count) {
    }

    private static final Comparator<Bucket> ORDER = Comparator.comparingLong(Bucket::count).reversed()
            .thenComparing(Bucket::type).thenComparing(Bucket::key);

    @Override
    public EntityCounts count(Query query, Set<CountedField> types, int limit, Set<String> excludedKeys, long started)
            throws IOException {
        SolrQuery ask = new SolrQuery(SolrQueryWriter.write(query));
        ask.setRows(0);
        StringBuilder facets = new StringBuilder("{");
        int want = limit + excludedKeys.size();
        for (CountedField type : types) {
            if (facets.length() > 1) {
                facets.append(',');
            }
            facets.append(type.name()).append(":{type:terms,field:").append(type.field()).append(",limit:").append(want)
                    .append(",overrequest:").append(OVERREQUEST_FACTOR * want + OVERREQUEST_MIN).append(",refine:true,sort:\"count desc\"}");
        }
        facets.append('}');
        if (limit > 0) {
            ask.set("json.facet", facets.toString());
        }
        QueryResponse response = solr.select(ask);
        List<Bucket> buckets = new ArrayList<>();
        NamedList<?> all = (NamedList<?>) response.getResponse().get("facets");
        for (CountedField type : types) {
            NamedList<?> facet = all == null ? null : (NamedList<?>) all.get(type.name());
            if (facet == null) {
                continue;
            }
            for (Object bucket : (List<?>) facet.get("buckets")) {
                NamedList<?> b = (NamedList<?>) bucket;
                String key = String.valueOf(b.get("val"));
                if (type.entityType() != null && excludedKeys.contains(key)) {
                    continue;
                }
                buckets.add(new Bucket(type, key, ((Number) b.get("count")).longValue()));
            }
        }
        buckets.sort(ORDER);
        List<EntityCount> counts = new ArrayList<>();
        for (Bucket bucket : buckets.subList(0, Math.min(limit, buckets.size()))) {
            counts.add(new EntityCount(bucket.type(), displayName(bucket.type(), bucket.key()), bucket.count()));
        }
        return new EntityCounts(response.getResults().getNumFound(), (System.nanoTime() - started) / 1_000_000, counts);
    }

    /** The stored form of {@code key} in the first article (by id) that has it; the key itself when none shows it. */
    private String displayName(CountedField type, String key) throws IOException {
        String display = SolrConfigSet.displayName(fieldDef(type));
        SolrQuery ask = new SolrQuery("{!term f=" + type.field() + "}" + key);
        ask.setRows(1);
        ask.set("sort", ArticleFields.ID.name() + " asc");
        ask.setFields(display);
        for (SolrDocument doc : solr.select(ask).getResults()) {
            var names = doc.getFieldValues(display);
            if (names != null) {
                for (Object name : names) {
                    if (type.displays(String.valueOf(name), key)) {
                        return String.valueOf(name);
                    }
                }
            }
        }
        return key;
    }

    private static org.newsarchive.schema.FieldDef fieldDef(CountedField type) {
        return type.entityType() != null ? ArticleFields.entity(type.entityType()) : ArticleFields.queryable(type.field());
    }
}
