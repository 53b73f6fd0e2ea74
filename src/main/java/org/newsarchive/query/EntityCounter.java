package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.entity.EntityKey;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleSchema;

/**
 * Counts entities over the articles a query matches, from the sorted-set doc values of the
 * entity fields: per segment, one counter per ordinal, then the keys of the ordinals that were
 * seen merged across segments. Counting by key (not by display name) is what keeps one entity in
 * one bucket whatever its case or punctuation.
 */
final class EntityCounter {

    private final IndexSearcher searcher;

    EntityCounter(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** A counted key. */
    private record Bucket(EntityType type, String key, long count) {
    }

    EntityCounts count(Query query, Set<EntityType> types, int limit, Set<String> excludedKeys, long started)
            throws IOException {
        Map<EntityType, Map<String, long[]>> totals = new EnumMap<>(EntityType.class);
        for (EntityType type : types) {
            totals.put(type, new HashMap<>());
        }
        long[] matching = new long[1];
        searcher.search(query, new SimpleCollector() {
            private final Map<EntityType, SortedSetDocValues> values = new EnumMap<>(EntityType.class);
            private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                for (EntityType type : types) {
                    SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), ArticleSchema.entityField(type));
                    values.put(type, dv);
                    counts.put(type, new int[(int) Math.min(Integer.MAX_VALUE - 8, dv.getValueCount())]);
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                matching[0]++;
                for (Map.Entry<EntityType, SortedSetDocValues> e : values.entrySet()) {
                    SortedSetDocValues dv = e.getValue();
                    if (dv.advanceExact(doc)) {
                        int[] c = counts.get(e.getKey());
                        for (int i = 0, n = dv.docValueCount(); i < n; i++) {
                            c[(int) dv.nextOrd()]++;
                        }
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                flush();
            }

            private void flush() throws IOException {
                for (Map.Entry<EntityType, int[]> e : counts.entrySet()) {
                    SortedSetDocValues dv = values.get(e.getKey());
                    Map<String, long[]> total = totals.get(e.getKey());
                    int[] c = e.getValue();
                    for (int ord = 0; ord < c.length; ord++) {
                        if (c[ord] > 0) {
                            BytesRef key = dv.lookupOrd(ord);
                            total.computeIfAbsent(key.utf8ToString(), k -> new long[1])[0] += c[ord];
                        }
                    }
                }
                counts.clear();
                values.clear();
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });

        Comparator<Bucket> order = Comparator.comparingLong(Bucket::count).reversed()
                .thenComparing(Bucket::type).thenComparing(Bucket::key);
        PriorityQueue<Bucket> top = new PriorityQueue<>(order.reversed());
        for (Map.Entry<EntityType, Map<String, long[]>> e : totals.entrySet()) {
            for (Map.Entry<String, long[]> k : e.getValue().entrySet()) {
                if (excludedKeys.contains(k.getKey())) {
                    continue;
                }
                top.add(new Bucket(e.getKey(), k.getKey(), k.getValue()[0]));
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
        List<Bucket> best = new ArrayList<>(top);
        best.sort(order);
        List<EntityCount> counts = new ArrayList<>(best.size());
        for (Bucket bucket : best) {
            counts.add(new EntityCount(bucket.type(), displayName(bucket.type(), bucket.key()), bucket.count()));
        }
        return new EntityCounts(matching[0], (System.nanoTime() - started) / 1_000_000, counts);
    }

    /** The canonical name as stored in one article that has the key. */
    private String displayName(EntityType type, String key) throws IOException {
        TopDocs one = searcher.search(ArticleSchema.entityQuery(type, key), 1);
        if (one.scoreDocs.length > 0) {
            String field = ArticleSchema.entityField(type);
            for (String name : searcher.storedFields().document(one.scoreDocs[0].doc, Set.of(field)).getValues(field)) {
                if (EntityKey.of(name).equals(key)) {
                    return name;
                }
            }
        }
        return key;
    }
}
