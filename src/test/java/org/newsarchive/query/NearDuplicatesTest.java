package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.SignatureFieldDef;

/**
 * Clusters counted over an index of several segments with deleted articles: copies in different
 * segments join, a deleted article leaves its cluster, and the count is the one of the per-band
 * definition (articles sharing a band key's 40-bit prefix in the same band, then the similarity)
 * worked out by brute force.
 */
class NearDuplicatesTest {

    @TempDir
    Path dir;

    private static final String STORY = "The central bank raised interest rates by half a point on Tuesday its third "
            + "increase this year saying inflation had not yet peaked and that wages were rising faster than "
            + "productivity in most industries across the country while exports fell for a second month";

    private static final String HARVEST = "Farmers in the west started the cocoa harvest two weeks early after heavy "
            + "rains in the spring and traders expect prices to fall when the first beans reach the ports of the "
            + "coast next month according to the growers association";

    private static final String ELECTION = "Voters in the northern province elected a new governor on Sunday after a "
            + "campaign dominated by roads hospitals and the price of fuel with turnout higher than at any vote since "
            + "the province was formed forty years ago officials said";

    private static Article article(String id, String body) {
        return SmallIndex.article(id, "2023-05-02", "News", body);
    }

    /** A new index of one segment per batch (no merges), then the articles {@code deleted} deleted. */
    private IndexSearcher index(List<List<Article>> batches, List<String> deleted) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setMergePolicy(NoMergePolicy.INSTANCE);
        try (var directory = FSDirectory.open(dir); var writer = new IndexWriter(directory, config)) {
            for (List<Article> batch : batches) {
                for (Article a : batch) {
                    writer.addDocument(ArticleSchema.toDocument(a));
                }
                writer.commit();
            }
            for (String id : deleted) {
                writer.deleteDocuments(ArticleSchema.idTerm(id));
            }
            writer.commit();
        }
        return new IndexSearcher(DirectoryReader.open(FSDirectory.open(dir)));
    }

    @Test
    void copiesJoinAcrossSegmentsAndDeletedArticlesLeave() throws IOException {
        List<List<Article>> batches = List.of(
                List.of(article("story", STORY), article("harvest", HARVEST), article("election", ELECTION)),
                List.of(article("story2", STORY.replace("Tuesday", "Wednesday")),
                        article("harvest2", HARVEST.replace("early", "late")),
                        article("election2", ELECTION.replace("Sunday", "Saturday"))),
                List.of(article("harvest3", HARVEST.replace("spring", "winter")), article("other", "Nothing alike at all")));
        IndexSearcher all = index(batches, List.of());
        assertEquals(3, all.getIndexReader().leaves().size());
        assertEquals(3, new NearDuplicates(all).clustersWithCopies());
        all.getIndexReader().close();

        IndexSearcher some = index(batches, List.of("election2", "harvest"));
        assertEquals(2, new NearDuplicates(some).clustersWithCopies()); // story + story2, harvest2 + harvest3
        some.getIndexReader().close();
    }

    @Test
    void sameCountAsThePerBandDefinitionOnRandomCopies() throws IOException {
        Random random = new Random(42);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            words.add("w" + Integer.toString(i, 36));
        }
        List<List<Article>> batches = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        int id = 0;
        for (int segment = 0; segment < 4; segment++) {
            List<Article> batch = new ArrayList<>();
            for (int story = 0; story < 150; story++) {
                String[] text = new String[25 + random.nextInt(30)];
                for (int w = 0; w < text.length; w++) {
                    text[w] = words.get(random.nextInt(words.size()));
                }
                batch.add(article("a" + id++, String.join(" ", text)));
                for (int copy = random.nextInt(4) - 1; copy > 0; copy--) { // a third of the stories get copies
                    String[] edited = text.clone();
                    for (int edit = random.nextInt(14); edit > 0; edit--) {
                        edited[random.nextInt(edited.length)] = words.get(random.nextInt(words.size()));
                    }
                    batch.add(article("a" + id++, String.join(" ", edited)));
                }
                if (random.nextInt(10) == 0) {
                    deleted.add("a" + (id - 1));
                }
            }
            batches.add(batch);
        }
        IndexSearcher searcher = index(batches, deleted);
        long expected = perBandClusters(searcher);
        assertTrue(expected > 50, "copies planted: " + expected);
        assertEquals(expected, new NearDuplicates(searcher).clustersWithCopies());
        searcher.getIndexReader().close();
    }

    /** Every live signature in memory, articles grouped by (band, 40-bit prefix of the band key), candidates compared. */
    private static long perBandClusters(IndexSearcher searcher) throws IOException {
        List<int[]> signatures = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    signatures.add(ArticleFields.DUPLICATES.read(leaf.reader(), doc));
                }
            }
        }
        int n = signatures.size();
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        for (int band = 0; band < SignatureFieldDef.BAND_COUNT; band++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < n; i++) {
                long prefix = SignatureFieldDef.bandKey(signatures.get(i), band) >>> 24;
                buckets.computeIfAbsent(prefix, key -> new ArrayList<>()).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int a : bucket) {
                    for (int b : bucket) {
                        if (SignatureFieldDef.similarity(signatures.get(a), signatures.get(b))
                                >= NearDuplicates.MIN_SIMILARITY) {
                            parent[root(parent, a)] = root(parent, b);
                        }
                    }
                }
            }
        }
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[root(parent, i)]++;
        }
        return Arrays.stream(size).filter(s -> s > 1).count();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }
}
