package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Decides which gazetteer entries go into the lexicon, and under which key.
 *
 * <p>Name lists hold many names that news text mostly uses as ordinary words: {@code Of} and
 * {@code Split} are towns, {@code Will} and {@code May} first names, {@code The Valley} a
 * capital. A gazetteer feature that fires on every "will" and "may" would say little, and the
 * model would learn to give it little weight even where it is right. So an entry is dropped when
 * the corpus writes its words mostly in lower case in the middle of sentences: when every one of
 * its words (tokens that start with a letter) has a casing bucket of at most
 * {@value #MOSTLY_LOWER_CASE} (capitalised in under 30% of mid-sentence uses; see
 * {@link NerLexiconBuilder}). A word the corpus does not know, or saw only once, says nothing, so
 * an entry with such a word is kept: the corpus is news, and a rare town is still a town.
 *
 * <p>The key is what the tagger looks up: the phrase's {@link NerTokenizer} tokens, lower-cased
 * in the root locale and joined by single spaces. The tagger matches at most
 * {@value #MAX_TOKENS} tokens, so longer entries (and entries with no token at all) are dropped.
 */
public final class GazetteerFilter {

    /** Longest phrase kept, in tokens. */
    public static final int MAX_TOKENS = 6;

    /** Highest casing bucket that counts as "mostly written in lower case". */
    public static final int MOSTLY_LOWER_CASE = 1;

    /** What happens to one entry. */
    public enum Verdict {
        KEPT,
        DROPPED_BY_CASING,
        DROPPED_BY_LENGTH,
    }

    /**
     * The verdict on one phrase and its lexicon key.
     *
     * @param verdict kept or why not
     * @param key     the lower-cased tokens joined by single spaces (empty when there are none)
     */
    public record Decision(Verdict verdict, String key) {
    }

    private final ToIntFunction<String> casing;

    /**
     * @param casing the casing bucket (0 to 4) of a lower-cased word, -1 when unknown
     */
    public GazetteerFilter(ToIntFunction<String> casing) {
        this.casing = casing;
    }

    /** The verdict on {@code phrase}, as written. */
    public Decision decide(String phrase) {
        List<Token> tokens = NerTokenizer.tokenize(phrase);
        StringJoiner key = new StringJoiner(" ");
        boolean anyWord = false;
        boolean allLowerCase = true;
        for (Token token : tokens) {
            String lower = token.text().toLowerCase(Locale.ROOT);
            key.add(lower);
            if (Character.isLetter(token.text().charAt(0))) {
                anyWord = true;
                int bucket = casing.applyAsInt(lower);
                if (bucket < 0 || bucket > MOSTLY_LOWER_CASE) {
                    allLowerCase = false;
                }
            }
        }
        if (tokens.isEmpty() || tokens.size() > MAX_TOKENS) {
            return new Decision(Verdict.DROPPED_BY_LENGTH, key.toString());
        }
        if (anyWord && allLowerCase) {
            return new Decision(Verdict.DROPPED_BY_CASING, key.toString());
        }
        return new Decision(Verdict.KEPT, key.toString());
    }

    /**
     * Adds the entries that are kept to {@code builder} and counts, per category in name order,
     * what became of them.
     */
    public List<GazetteerCounts> addTo(NerLexicon.Builder builder, List<GazetteerEntry> entries) {
        Map<String, int[]> counts = new TreeMap<>(); // category -> {read, casing, length, kept}
        for (GazetteerEntry entry : entries) {
            int[] c = counts.computeIfAbsent(entry.category(), k -> new int[4]);
            c[0]++;
            Decision decision = decide(entry.phrase());
            switch (decision.verdict()) {
                case DROPPED_BY_CASING -> c[1]++;
                case DROPPED_BY_LENGTH -> c[2]++;
                case KEPT -> {
                    c[3]++;
                    builder.phrase(decision.key(), entry.category());
                }
            }
        }
        List<GazetteerCounts> result = new ArrayList<>(counts.size());
        counts.forEach((category, c) -> result.add(new GazetteerCounts(category, c[0], c[1], c[2], c[3])));
        return result;
    }
}
