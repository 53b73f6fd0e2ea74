package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.newsarchive.schema.ArticleFields;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Counts entities (and sources and authors, see {@link CountedField}) over the articles a query
 * matches, from the sorted-set doc values of their fields, in global ordinals: one counter per distinct key of the whole index, so that
 * counting never turns an ordinal into a string; only the winners are looked up. Counting by
 * key (not by display name) is what keeps one entity in one bucket whatever its case or
 * punctuation.
 *
 * <p>The whole archive ({@code *:*}) is counted without visiting a single document where a
 * segment has no deletions: the key's document frequency in the inverted index is its count,
 * and the keys' order there is their ordinals' order. That is what keeps whole-archive counts
 * within tens of milliseconds on hundreds of thousands of articles.
 *
 * <p>Thread-safe; the global ordinals of each field are built once per searcher, on first use.
 */
final class EntityCounter implements KeyCounts {

    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;
    private final Map<CountedField, GlobalOrdinals> ordinals = new ConcurrentHashMap<>();

    EntityCounter(IndexSearcher searcher) {
        this.searcher = searcher;
        this.leaves = searcher.getIndexReader().leaves();
    }

    /** A counted key: its field and global ordinal (whose order is the keys' order). */
    private record Bucket(CountedField type, long ordinal, int count) {
    }

    private static final Comparator<Bucket> ORDER = Comparator.comparingInt(Bucket::count).reversed()
            .thenComparing(Bucket::type).thenComparingLong(Bucket::ordinal);

    /**
     * The {@code limit} most frequent keys of {@code types} among the articles {@code query} matches.
     *
     * @param excludedKeys entity keys left out of the entity types' counts (the {@code --with} entity)
     */
    @Override
    public EntityCounts count(Query query, Set<CountedField> types, int limit, Set<String> excludedKeys, long started)
            throws IOException {
        Map<CountedField, GlobalOrdinals> global = new EnumMap<>(CountedField.class);
        Map<CountedField, int[]> counts = new EnumMap<>(CountedField.class);
        for (CountedField type : types) {
            GlobalOrdinals ords = ordinalsOf(type);
            global.put(type, ords);
            counts.put(type, new int[Math.toIntExact(ords.valueCount())]);
        }
        boolean wholeArchive = query instanceof MatchAllDocsQuery;
        long[] matching = new long[1];
        searcher.search(query, new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                if (wholeArchive && context.reader().getLiveDocs() == null
                        && countFromPostings(context, global, counts)) {
                    matching[0] += context.reader().maxDoc();
                    throw new CollectionTerminatedException(); // this segment is counted
                }
                // arrays, not maps: this runs once per matching article and field, and an
                // EnumMap's entry iterator allocated per article was a third of the garbage
                int n = types.size();
                SortedSetDocValues[] values = new SortedSetDocValues[n];
                LongValues[] toGlobal = new LongValues[n];
                int[][] byType = new int[n][];
                int t = 0;
                for (CountedField type : types) {
                    values[t] = DocValues.getSortedSet(context.reader(), type.field());
                    toGlobal[t] = global.get(type).toGlobal(context.ord);
                    byType[t] = counts.get(type);
                    t++;
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        matching[0]++;
                        for (int f = 0; f < n; f++) {
                            SortedSetDocValues dv = values[f];
                            if (dv.advanceExact(doc)) {
                                int[] c = byType[f];
                                LongValues map = toGlobal[f];
                                for (int i = 0, k = dv.docValueCount(); i < k; i++) {
                                    c[(int) map.get(dv.nextOrd())]++;
                                }
                            }
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });

        PriorityQueue<Bucket> top = new PriorityQueue<>(ORDER.reversed());
        for (CountedField type : types) {
            int[] c = counts.get(type);
            // the co-occurring entity is left out of the entity counts only: the author of an
            // article about Jane Doe may be Jane Doe
            Set<Long> excluded = type.entityType() == null ? Set.of() : global.get(type).ordinalsOf(excludedKeys);
            for (int ord = 0; ord < c.length; ord++) {
                if (c[ord] == 0 || limit == 0 || top.size() == limit && c[ord] < top.peek().count()) {
                    continue;
                }
                if (excluded.contains((long) ord)) {
                    continue;
                }
                top.add(new Bucket(type, ord, c[ord]));
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
        List<Bucket> best = new ArrayList<>(top);
        best.sort(ORDER);
        List<EntityCount> result = new ArrayList<>(best.size());
        for (Bucket bucket : best) {
            String key = global.get(bucket.type()).key(bucket.ordinal());
            result.add(new EntityCount(bucket.type(), displayName(bucket.type(), key), bucket.count()));
        }
        return new EntityCounts(matching[0], (System.nanoTime() - started) / 1_000_000, result);
    }

    /**
     * Adds each key's document frequency in this segment to its count, for every field; false
     * (nothing added) when a field's terms and doc values disagree in size, which the schema
     * never writes but an index from elsewhere could.
     */
    private static boolean countFromPostings(LeafReaderContext context, Map<CountedField, GlobalOrdinals> global,
            Map<CountedField, int[]> counts) throws IOException {
        for (CountedField type : global.keySet()) {
            String field = type.field();
            Terms terms = context.reader().terms(field);
            long values = DocValues.getSortedSet(context.reader(), field).getValueCount();
            if (terms == null ? values != 0 : terms.size() != values) {
                return false;
            }
        }
        for (Map.Entry<CountedField, GlobalOrdinals> e : global.entrySet()) {
            Terms terms = context.reader().terms(e.getKey().field());
            if (terms == null) {
                continue;
            }
            int[] c = counts.get(e.getKey());
            LongValues toGlobal = e.getValue().toGlobal(context.ord);
            TermsEnum keys = terms.iterator();
            long ord = 0;
            while (keys.next() != null) {
                c[(int) toGlobal.get(ord++)] += keys.docFreq();
            }
        }
        return true;
    }

    private GlobalOrdinals ordinalsOf(CountedField type) throws IOException {
        GlobalOrdinals known = ordinals.get(type);
        if (known == null) {
            known = GlobalOrdinals.build(leaves, type.field());
            GlobalOrdinals raced = ordinals.putIfAbsent(type, known);
            known = raced == null ? known : raced;
        }
        return known;
    }

    /**
     * One numbering of a field's distinct values across all segments, in the values' order:
     * Lucene's {@link OrdinalMap}, or the segment's own ordinals when there is one segment.
     */
    private record GlobalOrdinals(List<LeafReaderContext> leaves, String field, OrdinalMap map, long valueCount) {

        static GlobalOrdinals build(List<LeafReaderContext> leaves, String field) throws IOException {
            if (leaves.size() <= 1) {
                long count = leaves.isEmpty() ? 0
                        : DocValues.getSortedSet(leaves.get(0).reader(), field).getValueCount();
                return new GlobalOrdinals(leaves, field, null, count);
            }
            SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
            }
            OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
            return new GlobalOrdinals(leaves, field, map, map.getValueCount());
        }

        LongValues toGlobal(int leaf) {
            return map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf);
        }

        String key(long globalOrd) throws IOException {
            int leaf = map == null ? 0 : map.getFirstSegmentNumber(globalOrd);
            long ord = map == null ? globalOrd : map.getFirstSegmentOrd(globalOrd);
            return DocValues.getSortedSet(leaves.get(leaf).reader(), field).lookupOrd(ord).utf8ToString();
        }

        /** The global ordinals of those of {@code keys} the field has. */
        Set<Long> ordinalsOf(Set<String> keys) throws IOException {
            Set<Long> found = new HashSet<>();
            for (String key : keys) {
                BytesRef bytes = new BytesRef(key);
                for (LeafReaderContext leaf : leaves) {
                    long ord = DocValues.getSortedSet(leaf.reader(), field).lookupTerm(bytes);
                    if (ord >= 0) {
                        found.add(toGlobal(leaf.ord).get(ord));
                        break;
                    }
                }
            }
            return found;
        }
    }

    /**
     * The stored form of {@code key} in the article with the smallest id that has it: an entity's
     * canonical name, an author as written, a source's key itself. The smallest id, rather than
     * the first article written, so that the name shown does not depend on the order in which
     * indexing threads wrote the documents, and is the one a SolrCloud collection of the same
     * articles shows. Found from the key's postings and the ids' doc values (an ordinal per
     * article, no stored document read but the one chosen): a scored top-1 search visited every
     * article with a common key (a country in a third of the archive) for each of the twenty names
     * an answer shows.
     */
    private String displayName(CountedField type, String key) throws IOException {
        String field = type.field();
        BytesRef term = new BytesRef(key);
        BytesRef bestId = null;
        LeafReaderContext bestLeaf = null;
        int bestDoc = -1;
        for (LeafReaderContext leaf : leaves) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (!iterator.seekExact(term)) {
                continue;
            }
            PostingsEnum docs = iterator.postings(null, PostingsEnum.NONE);
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues ids = ArticleFields.ID.values(leaf.reader());
            int smallest = Integer.MAX_VALUE;
            int smallestDoc = -1;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if ((live == null || live.get(doc)) && ids.advanceExact(doc) && ids.ordValue() < smallest) {
                    smallest = ids.ordValue();
                    smallestDoc = doc;
                }
            }
            if (smallestDoc >= 0) {
                BytesRef id = BytesRef.deepCopyOf(ids.lookupOrd(smallest));
                if (bestId == null || id.compareTo(bestId) < 0) {
                    bestId = id;
                    bestLeaf = leaf;
                    bestDoc = smallestDoc;
                }
            }
        }
        if (bestLeaf == null) {
            return key;
        }
        for (String name : bestLeaf.reader().storedFields().document(bestDoc, Set.of(field)).getValues(field)) {
            if (type.displays(name, key)) {
                return name;
            }
        }
        return key;
    }
}
