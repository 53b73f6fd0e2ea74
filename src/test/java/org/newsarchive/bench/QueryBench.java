package org.newsarchive.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsarchive.entity.EntityType;
import org.newsarchive.query.Archive;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.EntityCountRequest;
import org.newsarchive.query.EntityFilter;
import org.newsarchive.query.SearchRequest;
import org.newsarchive.query.SortOrder;
import org.newsarchive.query.TimeBucket;
import org.newsarchive.query.TimelineRequest;

/**
 * In-process query latency: a fixed query set against one index, after warm-up, each query run
 * many times on 1 and on 2 threads; prints p50/p95/p99 per query as a Markdown table. Run by
 * {@code scripts/bench/query.sh}; not a test.
 *
 * <p>Usage: {@code QueryBench INDEX [SECONDS_PER_QUERY]}
 */
public final class QueryBench {

    /** One benchmark query: a name and what it runs. */
    public record Case(String name, Callable<Object> run) {
    }

    private QueryBench() {
    }

    /**
     * The query set, run on {@code s}: the same requests through {@link Archive} whichever
     * back-end answers them (also run by {@link SolrQueryBench} on a SolrCloud collection).
     */
    public static List<Case> cases(Archive s) {
        return List.of(
                new Case("term `cocoa`", () -> s.search(SearchRequest.of("cocoa"))),
                new Case("AND `oil AND opec`", () -> s.search(SearchRequest.of("oil AND opec"))),
                new Case("OR `gold OR silver`", () -> s.search(SearchRequest.of("gold OR silver"))),
                new Case("phrase `\"interest rates\"`", () -> s.search(SearchRequest.of("\"interest rates\""))),
                new Case("three words `bank dollar yen`", () -> s.search(SearchRequest.of("bank dollar yen"))),
                new Case("misspelled, with suggestions `cocao harvst`", () -> s.search(SearchRequest.of("cocao harvst"))),
                new Case("four words, partial matches `instalment debt consumer credit`",
                        () -> s.search(SearchRequest.of("instalment debt consumer credit"))),
                new Case("two words side by side `interest rates`", () -> s.search(SearchRequest.of("interest rates"))),
                new Case("a question `how will higher interest rates affect the dollar against the yen`",
                        () -> s.search(SearchRequest.of("how will higher interest rates affect the dollar against the yen"))),
                new Case("--expand `cocoa`", () -> s.search(SearchRequest.of("cocoa").withExpand(true))),
                new Case("--expand `bank dollar yen`", () -> s.search(SearchRequest.of("bank dollar yen").withExpand(true))),
                new Case("date-filtered `trade` one month", () -> s.search(SearchRequest.of("trade")
                        .withDates(DateRange.of("1987-04", "1987-04")))),
                new Case("entity-filtered `trade` --place Japan", () -> s.search(SearchRequest.of("trade")
                        .withEntities(List.of(new EntityFilter(EntityType.LOCATION, "Japan"))))),
                new Case("sorted newest `oil`", () -> s.search(SearchRequest.of("oil").withSort(SortOrder.NEWEST))),
                new Case("match all, newest", () -> s.search(SearchRequest.of("*:*").withSort(SortOrder.NEWEST))),
                new Case("entities, whole archive", () -> s.entities(
                        new EntityCountRequest("*:*", DateRange.ALL, Set.of(), 20, null))),
                new Case("entities of `trade`", () -> s.entities(
                        new EntityCountRequest("trade", DateRange.ALL, Set.of(), 20, null))),
                new Case("entities --with Japan", () -> s.entities(
                        new EntityCountRequest("*:*", DateRange.ALL, Set.of(), 20, "Japan"))),
                new Case("timeline by month, whole archive", () -> s.timeline(
                        new TimelineRequest("*:*", DateRange.ALL, TimeBucket.MONTH))),
                new Case("timeline by week of `trade`", () -> s.timeline(
                        new TimelineRequest("trade", DateRange.ALL, TimeBucket.WEEK))));
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
            List<Case> cases = cases(searcher);
            // warm-up: every query until the JIT has settled
            for (int round = 0; round < 3; round++) {
                for (Case c : cases) {
                    runFor(c, seconds / 2);
                }
            }
            System.out.println("| query | 1 thread p50 ms | p95 | p99 | 2 threads p50 ms | p95 | p99 |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            for (Case c : cases) {
                double[] one = percentiles(runFor(c, seconds));
                List<Future<List<Long>>> parts = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    parts.add(pool.submit(() -> runFor(c, seconds)));
                }
                List<Long> both = new ArrayList<>();
                for (Future<List<Long>> part : parts) {
                    both.addAll(part.get());
                }
                double[] two = percentiles(both);
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                        c.name(), one[0], one[1], one[2], two[0], two[1], two[2]);
            }
            pool.shutdown();
        }
    }

    /** Runs a case repeatedly for about {@code seconds}; returns each run's nanoseconds. */
    static List<Long> runFor(Case c, double seconds) throws Exception {
        List<Long> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || times.size() < 20) {
            long start = System.nanoTime();
            c.run().call();
            times.add(System.nanoTime() - start);
        }
        return times;
    }

    /** p50, p95, p99 in milliseconds. */
    static double[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)};
    }

    private static double at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
