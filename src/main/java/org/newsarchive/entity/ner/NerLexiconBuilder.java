package org.newsarchive.entity.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the {@link NerLexicon} from unlabelled text: the training sentences plus a background
 * corpus of news articles (the Reuters-21578 articles in our case). Only derived statistics go
 * into the lexicon (cluster ids, casing buckets), never the text itself. Gazetteer phrases come
 * from name lists given to {@link #build(List, List, Options, List)}, not from the text.
 */
public final class NerLexiconBuilder {

    /**
     * How the lexicon is built; the defaults of {@code ner lexicon} made the shipped one.
     *
     * @param clusterSizes number of classes at each cluster level, coarse to fine
     * @param minCount     words rarer than this in the corpus get no cluster
     * @param iterations   exchange-algorithm passes per level
     */
    public record Options(List<Integer> clusterSizes, int minCount, int iterations) {
        public Options {
            clusterSizes = List.copyOf(clusterSizes);
        }
    }

    /**
     * A lexicon and what became of the gazetteer entries given for it.
     *
     * @param lexicon   the lexicon
     * @param gazetteer per category, in name order; empty when no entries were given
     */
    public record Built(NerLexicon lexicon, List<GazetteerCounts> gazetteer) {
        public Built {
            gazetteer = List.copyOf(gazetteer);
        }
    }

    private NerLexiconBuilder() {
    }

    /** Sentences of the training documents plus the corpus. */
    public static NerLexicon build(List<ConllDocument> training, List<String[]> corpus, Options options) {
        return build(training, corpus, options, List.of()).lexicon();
    }

    /**
     * Sentences of the training documents plus the corpus, and the gazetteer entries that
     * {@link GazetteerFilter} keeps given the casing statistics of those same sentences.
     */
    public static Built build(List<ConllDocument> training, List<String[]> corpus, Options options,
            List<GazetteerEntry> gazetteer) {
        List<String[]> sentences = new ArrayList<>(corpus);
        for (ConllDocument document : training) {
            for (ConllSentence sentence : document.sentences()) {
                sentences.add(sentence.tokenArray());
            }
        }
        NerLexicon.Builder builder = new NerLexicon.Builder();
        Map<String, Integer> casing = casingBuckets(sentences);
        casing.forEach(builder::casing);
        List<GazetteerCounts> counts = new GazetteerFilter(word -> casing.getOrDefault(word, -1))
                .addTo(builder, gazetteer);
        if (!options.clusterSizes().isEmpty()) {
            WordClusterer clusterer = WordClusterer.of(sentences, options.minCount());
            String[] words = clusterer.words();
            String[][] ids = new String[words.length][options.clusterSizes().size()];
            for (int level = 0; level < options.clusterSizes().size(); level++) {
                int[] classOf = clusterer.cluster(options.clusterSizes().get(level), options.iterations());
                for (int w = 0; w < words.length; w++) {
                    ids[w][level] = Integer.toString(classOf[w]);
                }
            }
            for (int w = 0; w < words.length; w++) {
                if (!words[w].equals(WordClusterer.BOUNDARY) && !words[w].equals(WordClusterer.RARE)) {
                    builder.cluster(words[w], ids[w]);
                }
            }
        }
        return new Built(builder.build(), counts);
    }

    /**
     * Casing buckets from the mid-sentence occurrences of each word in ordinary (not
     * all-capitals) sentences: 0 below 5% capitalised, 1 below 30%, 2 below 70%, 3 below 95%,
     * else 4. Words seen fewer than twice there are left out (unknown: -1 to the lexicon).
     */
    private static Map<String, Integer> casingBuckets(List<String[]> sentences) {
        Map<String, int[]> stats = new HashMap<>(); // lower -> {total, capitalised}
        for (String[] tokens : sentences) {
            if (WordShapes.isAllCapsSentence(tokens)) {
                continue;
            }
            for (int i = 1; i < tokens.length; i++) {
                String token = tokens[i];
                if (!Character.isLetter(token.charAt(0))) {
                    continue;
                }
                String previous = tokens[i - 1];
                if (previous.equals("\"") || previous.equals(":") || previous.equals(".")) {
                    continue;
                }
                int[] s = stats.computeIfAbsent(token.toLowerCase(Locale.ROOT), t -> new int[2]);
                s[0]++;
                if (Character.isUpperCase(token.charAt(0))) {
                    s[1]++;
                }
            }
        }
        Map<String, Integer> buckets = new HashMap<>();
        for (var entry : stats.entrySet()) {
            int total = entry.getValue()[0];
            if (total < 2) {
                continue;
            }
            double ratio = (double) entry.getValue()[1] / total;
            int bucket = ratio < 0.05 ? 0 : ratio < 0.3 ? 1 : ratio < 0.7 ? 2 : ratio < 0.95 ? 3 : 4;
            buckets.put(entry.getKey(), bucket);
        }
        return buckets;
    }

    /**
     * Tokenised sentences of the article files ({@code *.txt}) under {@code root}, in path
     * order. The first line's {@code date ...} marker is dropped; the rest is split by
     * {@link NerTokenizer} and {@link SentenceSplitter}, as text is at run time.
     */
    public static List<String[]> readCorpus(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                    .sorted().toList();
        }
        List<String[]> sentences = new ArrayList<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            text = dropDateMarker(text);
            List<Token> tokens = NerTokenizer.tokenize(text);
            for (List<Token> sentence : SentenceSplitter.split(text, tokens)) {
                String[] forms = new String[sentence.size()];
                for (int i = 0; i < forms.length; i++) {
                    forms[i] = sentence.get(i).text();
                }
                sentences.add(forms);
            }
        }
        return sentences;
    }

    private static String dropDateMarker(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (!text.regionMatches(true, i, "date", 0, 4)) {
            return text;
        }
        i += 4;
        while (i < text.length() && (text.charAt(i) == ':' || text.charAt(i) == ' ')) {
            i++;
        }
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        // the rest of the first line is the headline: keep it as its own line
        return text.substring(i);
    }
}
