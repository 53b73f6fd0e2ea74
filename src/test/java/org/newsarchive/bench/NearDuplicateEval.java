package org.newsarchive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome;
import java.util.HashMap;
import java.util.Map;
import org.newsarchive.ingest.MinHash;

/**
 * Precision and recall of near-duplicate detection (MinHash with banded candidates, a similarity threshold) on planted
 * copies: each of the first COPIES articles of CORPUS gets a copy with EDITS words deleted and
 * EDITS words inserted at random places (words taken from other articles), as a reprint with
 * small edits would be. Pairs sharing a band are compared, as at search time. A pair is right when it joins an
 * article and its own copy, wrong when it joins a copy to anything else; pairs of two original
 * articles are counted apart (real archives hold real duplicates, with no ground truth here).
 * Not a test: run by scripts/bench/near-duplicates.sh.
 *
 * <p>Usage: {@code NearDuplicateEval CORPUS COPIES EDITS[,EDITS...]}
 */
public final class NearDuplicateEval {

    private NearDuplicateEval() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int copies = Integer.parseInt(args[1]);
        int[] editCounts = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        ArticleParser parser = new ArticleParser(ArticleParser.DEFAULT_MAX_FILE_SIZE);
        List<String[]> texts = new ArrayList<>();
        for (Path file : files) {
            if (parser.parse(file.toRealPath()) instanceof ParseOutcome.Parsed parsed) {
                Article a = parsed.article();
                texts.add(new String[] {a.headline(), a.body()});
            }
        }
        // the sources of the copies: articles with no near-duplicate of their own among the originals
        // (similarity 0.5 or more), so that a copy matching anything but its source is an error
        int[][] plain = texts.stream().map(MinHash::of).toArray(int[][]::new);
        Map<Long, List<Integer>> bands = new HashMap<>();
        for (int i = 0; i < plain.length; i++) {
            for (int band = 0; band < MinHash.BANDS; band++) {
                bands.computeIfAbsent(MinHash.bandKey(plain[i], band), key -> new ArrayList<>()).add(i);
            }
        }
        boolean[] hasTwin = new boolean[plain.length];
        for (List<Integer> bucket : bands.values()) {
            for (int x = 0; x < bucket.size(); x++) {
                for (int y = x + 1; y < bucket.size(); y++) {
                    if (MinHash.similarity(plain[bucket.get(x)], plain[bucket.get(y)]) >= 0.5) {
                        hasTwin[bucket.get(x)] = true;
                        hasTwin[bucket.get(y)] = true;
                    }
                }
            }
        }
        int[] sources = java.util.stream.IntStream.range(0, plain.length).filter(i -> !hasTwin[i]).limit(copies).toArray();
        System.out.printf(Locale.ROOT, "%d articles (%d with a near-duplicate of their own), %d planted copies of articles without%n%n",
                texts.size(), java.util.stream.IntStream.range(0, hasTwin.length).filter(i -> hasTwin[i]).count(), copies);
        System.out.println("| words deleted + inserted | min similarity | planted pairs found (recall) | wrong pairs | precision | pairs of two originals |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int edits : editCounts) {
            Random random = new Random(42);
            int n = texts.size();
            int[][] signatures = new int[n + copies][];
            for (int i = 0; i < n; i++) {
                signatures[i] = MinHash.of(texts.get(i));
            }
            for (int c = 0; c < copies; c++) {
                signatures[n + c] = MinHash.of(edited(texts.get(sources[c]), edits, texts, random));
            }
            // candidate pairs: equal in at least one band; then their estimated similarity
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < signatures.length; i++) {
                for (int band = 0; band < MinHash.BANDS; band++) {
                    buckets.computeIfAbsent(MinHash.bandKey(signatures[i], band), key -> new ArrayList<>()).add(i);
                }
            }
            Map<Long, Double> candidates = new HashMap<>();
            for (List<Integer> bucket : buckets.values()) {
                for (int x = 0; x < bucket.size(); x++) {
                    for (int y = x + 1; y < bucket.size(); y++) {
                        int i = Math.min(bucket.get(x), bucket.get(y));
                        int j = Math.max(bucket.get(x), bucket.get(y));
                        candidates.computeIfAbsent((long) i * signatures.length + j,
                                key -> MinHash.similarity(signatures[i], signatures[j]));
                    }
                }
            }
            for (double threshold : THRESHOLDS) {
                long found = 0;
                long wrong = 0;
                long originals = 0;
                for (Map.Entry<Long, Double> pair : candidates.entrySet()) {
                    if (pair.getValue() < threshold) {
                        continue;
                    }
                    int i = (int) (pair.getKey() / signatures.length);
                    int j = (int) (pair.getKey() % signatures.length);
                    if (j >= n && sources[j - n] == i) {
                        found++;
                    } else if (i >= n || j >= n) {
                        wrong++;
                    } else {
                        originals++;
                    }
                }
                System.out.printf(Locale.ROOT, "| %d + %d | %.2f | %d of %d (%.3f) | %d | %.3f | %d |%n", edits, edits,
                        threshold, found, copies, (double) found / copies, wrong,
                        found + wrong == 0 ? 1.0 : (double) found / (found + wrong), originals);
            }
        }
    }

    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8};

    /** The article with {@code edits} words deleted and {@code edits} words inserted, from other articles. */
    static String[] edited(String[] text, int edits, List<String[]> others, Random random) {
        List<String> body = new ArrayList<>(Arrays.asList(text[1].split(" ")));
        for (int e = 0; e < edits && body.size() > 1; e++) {
            body.remove(random.nextInt(body.size()));
        }
        for (int e = 0; e < edits; e++) {
            String[] donor = others.get(random.nextInt(others.size()))[1].split(" ");
            body.add(random.nextInt(body.size() + 1), donor[random.nextInt(donor.length)]);
        }
        return new String[] {text[0], String.join(" ", body)};
    }
}
