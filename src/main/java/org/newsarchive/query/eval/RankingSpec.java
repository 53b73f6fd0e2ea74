package org.newsarchive.query.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsarchive.schema.ArticleSchema;

/**
 * The knobs of an experimental ranking over the real index ({@code eval --ranking SPEC}), written
 * {@code key=value,key=value}; keys left out keep the values of the shipped ranking:
 *
 * <ul>
 *   <li>{@code k1}, {@code b}: BM25's term-frequency saturation and length normalisation;
 *   <li>{@code headline}: the weight of the words' headline scores, added to their scores in
 *       the whole text (which holds the headline too), 0 for none;
 *   <li>{@code op}: {@code and} (every word must match), {@code or}, or {@code and-or}: every
 *       article with any of the words, those with all of them first (each group ranked), which
 *       keeps AND's first page and adds OR's tail;
 *   <li>{@code msm}: with {@code or} or {@code and-or}, how many words must match, as Solr's
 *       {@code mm} has it: a count ({@code 2}), all but a count ({@code -1}), a percentage of
 *       the words rounded down ({@code 50%}) or all but a percentage ({@code -25%}),
 *       optionally after {@code N<} meaning "all of them when there are at most N words"
 *       ({@code 2<-1}); never less than 1;
 *   <li>{@code phrase}: the weight of an optional clause matching the whole query as a phrase
 *       (in headline or body), 0 for none; {@code slop}: how far apart its words may be.
 *   <li>{@code pairs}: the weight of one optional clause per pair of adjacent query words found
 *       side by side, in order (the sequential dependence model's ordered windows), 0 for none;
 *   <li>{@code near}: likewise for each pair found within {@code window} words of each other in
 *       any order (its unordered windows; default window 8);
 *   <li>{@code allfirst}: with {@code and-or}, articles with every word come first only for queries
 *       of at most this many words (longer ones are ranked as {@code or}); 0 for any length;
 *   <li>{@code rm3}: pseudo-relevance feedback as Anserini's RM3: the query is run, the
 *       {@code fbdocs} best articles (default 10) give the {@code fbterms} words (default 10)
 *       most likely under their relevance model, and the query is run again with those words
 *       added, the original query weighted {@code rm3} (0 for no feedback; Anserini's 0.5).
 * </ul>
 *
 * Words are the query's terms after the text fields' analysis; the spec reads plain words only.
 */
public record RankingSpec(float k1, float b, float headline, Operator op, String msm, float phrase, int slop,
        float pairs, float near, int window, int allFirst, float rm3, int fbDocs, int fbTerms) {

    /** How the words of a query combine. */
    public enum Operator {
        AND, OR, AND_OR
    }

    private static final Pattern MSM = Pattern.compile("(?:([0-9]{1,3})<)?(-)?([0-9]{1,4})(%)?");

    /** The ranking {@code search} ships, as a spec: its similarity's k1 and b, its headline weight, and-or. */
    public static final RankingSpec SHIPPED = new RankingSpec(ArticleSchema.similarity().getK1(),
            ArticleSchema.similarity().getB(), ArticleSchema.HEADLINE_WEIGHT, Operator.AND_OR, null, 0f, 0, ArticleSchema.PAIR_WEIGHT, 0f, 8, 0, 0f, 10, 10);

    /** Whether {@code text} is a spec rather than the name of a ranking. */
    public static boolean looksLikeSpec(String text) {
        return text.contains("=");
    }

    /**
     * Parses a spec.
     *
     * @throws IllegalArgumentException with a one-line message on a bad key or value
     */
    public static RankingSpec parse(String text) {
        float k1 = SHIPPED.k1;
        float b = SHIPPED.b;
        float headline = SHIPPED.headline;
        Operator op = SHIPPED.op;
        String msm = SHIPPED.msm;
        float phrase = SHIPPED.phrase;
        int slop = SHIPPED.slop;
        float pairWeight = SHIPPED.pairs;
        float near = SHIPPED.near;
        int window = SHIPPED.window;
        int allFirst = SHIPPED.allFirst;
        float rm3 = SHIPPED.rm3;
        int fbDocs = SHIPPED.fbDocs;
        int fbTerms = SHIPPED.fbTerms;
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("ranking spec: expected key=value, found '" + part + "'");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (pairs.put(key, part.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("ranking spec: '" + key + "' given twice");
            }
        }
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String value = pair.getValue();
            switch (pair.getKey()) {
                case "k1" -> k1 = number(pair.getKey(), value, 0, 100);
                case "b" -> b = number(pair.getKey(), value, 0, 1);
                case "headline" -> headline = number(pair.getKey(), value, 0, 1000);
                case "phrase" -> phrase = number(pair.getKey(), value, 0, 1000);
                case "slop" -> slop = (int) number(pair.getKey(), value, 0, 1000);
                case "pairs" -> pairWeight = number(pair.getKey(), value, 0, 1000);
                case "near" -> near = number(pair.getKey(), value, 0, 1000);
                case "window" -> window = (int) number(pair.getKey(), value, 1, 100);
                case "allfirst" -> allFirst = (int) number(pair.getKey(), value, 0, 1000);
                case "rm3" -> rm3 = number(pair.getKey(), value, 0, 1);
                case "fbdocs" -> fbDocs = (int) number(pair.getKey(), value, 1, 1000);
                case "fbterms" -> fbTerms = (int) number(pair.getKey(), value, 1, 1000);
                case "op" -> op = switch (value.toLowerCase(Locale.ROOT)) {
                    case "and" -> Operator.AND;
                    case "or" -> Operator.OR;
                    case "and-or" -> Operator.AND_OR;
                    default -> throw new IllegalArgumentException("ranking spec: op is and, or or and-or, not '"
                            + value + "'");
                };
                case "msm" -> {
                    if (!MSM.matcher(value).matches()) {
                        throw new IllegalArgumentException("ranking spec: msm is like 2, -1, 50%, -25% or 2<-1, not '"
                                + value + "'");
                    }
                    msm = value;
                }
                default -> throw new IllegalArgumentException("ranking spec: unknown key '" + pair.getKey()
                        + "' (keys: k1, b, headline, op, msm, phrase, slop, pairs, near, window, allfirst, rm3, fbdocs, fbterms)");
            }
        }
        if (msm != null && op == Operator.AND) {
            throw new IllegalArgumentException("ranking spec: msm needs op=or or op=and-or");
        }
        return new RankingSpec(k1, b, headline, op, msm, phrase, slop, pairWeight, near, window, allFirst, rm3, fbDocs,
                fbTerms);
    }

    private static float number(String key, String value, float min, float max) {
        float number;
        try {
            number = Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ranking spec: " + key + " is a number, not '" + value + "'");
        }
        if (!(number >= min && number <= max)) {
            throw new IllegalArgumentException("ranking spec: " + key + " must be from " + min + " to " + max);
        }
        return number;
    }

    /** How many of {@code words} must match: all with AND, else per {@link #msm}, else 1. */
    public int minimumMatch(int words) {
        if (op == Operator.AND) {
            return words;
        }
        if (msm == null) {
            return 1;
        }
        Matcher m = MSM.matcher(msm);
        if (!m.matches()) {
            throw new IllegalStateException(msm);
        }
        if (m.group(1) != null && words <= Integer.parseInt(m.group(1))) {
            return words;
        }
        boolean allBut = m.group(2) != null;
        int number = Integer.parseInt(m.group(3));
        int count = m.group(4) != null ? words * number / 100 : number;
        int wanted = allBut ? words - count : count;
        return Math.max(1, Math.min(words, wanted));
    }
}
