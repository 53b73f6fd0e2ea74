package org.newsarchive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The floor of what Lucene costs, for comparison: the same files indexed with StandardAnalyzer
 * into one text field plus a date (no entities, no offsets, no stemming), and searched without
 * highlighting. Run by the benchmark scripts; not a test.
 *
 * <p>Usage: {@code BareLuceneBaseline index CORPUS INDEX THREADS [stored-english]} or
 * {@code BareLuceneBaseline search INDEX SECONDS_PER_QUERY}. {@code stored-english} indexes
 * with EnglishAnalyzer and stores the whole text: the part of newsarchive's indexing cost that
 * comes from analysing English and keeping each article to show it, rather than from its own code.
 */
public final class BareLuceneBaseline {

    private BareLuceneBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("index")) {
            index(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 && args[4].equals("stored-english"));
        } else {
            search(Path.of(args[1]), Double.parseDouble(args[2]));
        }
    }

    static void index(Path corpus, Path out, int threads, boolean storedEnglish) throws Exception {
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".txt") && Files.isRegularFile(p)).toList();
        }
        AtomicLong count = new AtomicLong();
        IndexWriterConfig config = new IndexWriterConfig(storedEnglish ? new EnglishAnalyzer() : new StandardAnalyzer())
                .setRAMBufferSizeMB(64);
        try (var dir = FSDirectory.open(out); var writer = new IndexWriter(dir, config)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            int slice = (files.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<Path> mine = files.subList(Math.min(files.size(), t * slice), Math.min(files.size(), (t + 1) * slice));
                pool.execute(() -> {
                    for (Path file : mine) {
                        try {
                            writer.addDocument(document(file, storedEnglish));
                            count.incrementAndGet();
                        } catch (IOException | RuntimeException e) {
                            // a bare baseline: a bad file is simply not counted
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.DAYS);
            writer.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "bare-lucene index: %d articles in %.2f s = %.0f articles/s%n",
                count.get(), seconds, count.get() / seconds);
    }

    private static Document document(Path file, boolean storedEnglish) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        String dateText = trimmed.length() >= 15 ? trimmed.substring(5, 15) : "1970-01-01";
        long day;
        try {
            day = LocalDate.parse(dateText).toEpochDay();
        } catch (RuntimeException e) {
            day = 0;
        }
        Document doc = new Document();
        doc.add(new StringField("path", file.toString(), Field.Store.YES));
        doc.add(new LongField("date", day, Field.Store.NO));
        doc.add(new TextField("text", text, Field.Store.NO));
        doc.add(new StoredField("text_stored", text.length() > 200 && !storedEnglish ? text.substring(0, 200) : text));
        return doc;
    }

    static void search(Path indexDir, double seconds) throws Exception {
        try (var dir = FSDirectory.open(indexDir); var reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<QueryBench.Case> cases = new ArrayList<>();
            QueryParser parser = new QueryParser("text", new StandardAnalyzer());
            parser.setDefaultOperator(QueryParser.Operator.AND);
            Sort newest = new Sort(new SortedNumericSortField("date", SortField.Type.LONG, true));
            long april = LocalDate.of(1987, 4, 1).toEpochDay();
            for (String[] c : new String[][] {
                {"term `cocoa`", "cocoa"}, {"AND `oil AND opec`", "oil AND opec"}, {"OR `gold OR silver`", "gold OR silver"},
                {"phrase `\"interest rates\"`", "\"interest rates\""}, {"three words `bank dollar yen`", "bank dollar yen"}}) {
                Query q = parser.parse(c[1]);
                cases.add(new QueryBench.Case(c[0], () -> top(searcher, q, null)));
            }
            Query trade = parser.parse("trade");
            Query tradeApril = new BooleanQuery.Builder().add(trade, BooleanClause.Occur.MUST)
                    .add(LongField.newRangeQuery("date", april, april + 29), BooleanClause.Occur.FILTER).build();
            cases.add(new QueryBench.Case("date-filtered `trade` one month", () -> top(searcher, tradeApril, null)));
            Query oil = parser.parse("oil");
            cases.add(new QueryBench.Case("sorted newest `oil`", () -> top(searcher, oil, newest)));
            cases.add(new QueryBench.Case("match all, newest", () -> top(searcher, new MatchAllDocsQuery(), newest)));
            for (int round = 0; round < 3; round++) {
                for (QueryBench.Case c : cases) {
                    QueryBench.runFor(c, seconds / 2);
                }
            }
            System.out.println("| query (bare Lucene) | 1 thread p50 ms | p95 | p99 |");
            System.out.println("|---|---:|---:|---:|");
            for (QueryBench.Case c : cases) {
                double[] p = QueryBench.percentiles(QueryBench.runFor(c, seconds));
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", c.name(), p[0], p[1], p[2]);
            }
        }
    }

    private static Object top(IndexSearcher searcher, Query q, Sort sort) throws IOException {
        TopDocs top = sort == null ? searcher.search(q, 10) : searcher.search(q, 10, sort);
        for (var hit : top.scoreDocs) {
            searcher.storedFields().document(hit.doc);
        }
        return top;
    }
}
