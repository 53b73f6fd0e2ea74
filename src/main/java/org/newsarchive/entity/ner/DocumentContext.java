package org.newsarchive.entity.ner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the whole document says about how each word is written, computed before its first
 * sentence is tagged. A capital at the start of a sentence or in an all-capitals headline tells
 * little; the same word written elsewhere in the document, in the middle of an ordinary sentence,
 * tells whether it is a name ({@code Clinton}) or not ({@code the}). This is the label-free half of
 * our document-level consistency (the other half is the previous-outcome map, which remembers how
 * earlier occurrences were tagged).
 *
 * <p>OpenNLP hands feature generators one sentence at a time, so the document travels beside the
 * name finder in a thread-local, set by whoever feeds documents ({@link NerTagger} and the
 * training stream) for the duration of one document. Without it the features are just absent.
 */
public final class DocumentContext {

    private static final ThreadLocal<DocumentContext> CURRENT = new ThreadLocal<>();

    private final Set<String> capitalizedInside = new HashSet<>();
    private final Set<String> lowerCaseSeen = new HashSet<>();
    private final Map<String, String> casedForm = new HashMap<>();
    private final Map<String, String> acronymHeads = new HashMap<>();
    /** The lower-cased words around each capitalised word's occurrences in ordinary sentences. */
    private final Map<String, Neighbours> neighbours = new HashMap<>();

    /** Distinct neighbours kept on each side: a name's first few contexts say most of what its others would. */
    static final int MAX_NEIGHBOURS = 6;

    /**
     * The distinct words before and after a word's occurrences, in document order: small arrays
     * searched from the start, since there are at most {@link #MAX_NEIGHBOURS} (a set per word and
     * document cost more than the features it fed).
     */
    static final class Neighbours {
        private final String[] before = new String[MAX_NEIGHBOURS];
        private final String[] after = new String[MAX_NEIGHBOURS];
        private int beforeCount;
        private int afterCount;
        /**
         * The words before, then after, as the tagging thread's word features: filled on first
         * use, so that a name mentioned fifty times looks its neighbours up once.
         */
        WordFeatures[] features;

        private void add(String word, boolean isBefore) {
            String[] words = isBefore ? before : after;
            int count = isBefore ? beforeCount : afterCount;
            if (count == MAX_NEIGHBOURS) {
                return;
            }
            for (int k = 0; k < count; k++) {
                if (words[k].equals(word)) {
                    return;
                }
            }
            words[count] = word;
            if (isBefore) {
                beforeCount++;
            } else {
                afterCount++;
            }
        }

        int beforeCount() {
            return beforeCount;
        }

        /** The {@code k}th distinct word before an occurrence. */
        String before(int k) {
            return before[k];
        }

        int afterCount() {
            return afterCount;
        }

        /** The {@code k}th distinct word after an occurrence. */
        String after(int k) {
            return after[k];
        }
    }

    private DocumentContext() {
    }

    /** The context of a document given as its sentences' tokens. */
    public static DocumentContext of(List<String[]> sentences) {
        DocumentContext context = new DocumentContext();
        for (String[] tokens : sentences) {
            boolean caps = WordShapes.isAllCapsSentence(tokens);
            if (!caps) {
                int i = 0;
                while (i < tokens.length) {
                    int end = CapitalizedRuns.runEnd(tokens, i);
                    if (end - i >= 2) {
                        String initials = CapitalizedRuns.initials(tokens, i, end);
                        if (initials != null) {
                            context.acronymHeads.putIfAbsent(initials, tokens[end - 1].toLowerCase(Locale.ROOT));
                        }
                    }
                    i = Math.max(end, i + 1);
                }
            }
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                if (!caps && WordShapes.isCapitalized(token)) {
                    Neighbours around = context.neighbours.get(token);
                    if (around == null) {
                        around = new Neighbours();
                        context.neighbours.put(token, around);
                    }
                    around.add(i > 0 ? tokens[i - 1].toLowerCase(Locale.ROOT) : "<s>", true);
                    around.add(i + 1 < tokens.length ? tokens[i + 1].toLowerCase(Locale.ROOT) : "</s>", false);
                }
                if (WordShapes.isLowerCase(token)) {
                    context.lowerCaseSeen.add(token);
                } else if (!caps && i > 0 && WordShapes.isCapitalized(token) && !afterOpening(tokens[i - 1])) {
                    context.capitalizedInside.add(token);
                    context.casedForm.putIfAbsent(token.toLowerCase(Locale.ROOT), token);
                }
            }
        }
        return context;
    }

    private static boolean afterOpening(String previous) {
        return previous.equals("\"") || previous.equals("``") || previous.equals(":") || previous.equals("(")
                || previous.equals("'") || previous.equals("-") || previous.equals("--");
    }

    /** The document being tagged on this thread, or null. */
    static DocumentContext current() {
        return CURRENT.get();
    }

    /** Makes this the current document of this thread until {@link #clear()} or the next set. */
    public void makeCurrent() {
        CURRENT.set(this);
    }

    /** Forgets this thread's current document. */
    public static void clear() {
        CURRENT.remove();
    }

    /** The word (exact form) appears capitalised inside an ordinary sentence of the document. */
    boolean capitalizedInside(String token) {
        return capitalizedInside.contains(token);
    }

    /** The lower-cased word appears written in lower case in the document. */
    boolean lowerCaseSeen(String lowerCased) {
        return lowerCaseSeen.contains(lowerCased);
    }

    /**
     * For an acronym ({@code APEC}), the lower-cased last word of a run of capitalised words in
     * the document whose initials it is ({@code cooperation}), or null.
     */
    String acronymHead(String acronym) {
        return acronymHeads.get(acronym);
    }

    /**
     * The words around the occurrences of a capitalised word in the document's ordinary (not
     * all-capitals) sentences: up to {@link #MAX_NEIGHBOURS} distinct lower-cased words before
     * them and as many after, in the order the document first has them ({@code <s>} and {@code
     * </s>} at a sentence's ends). Null for a word the document only has in capitals or lower case.
     */
    Neighbours neighbours(String token) {
        return neighbours.get(token);
    }

    /** How the document writes this lower-cased word mid-sentence, or null. */
    String casedForm(String lowerCased) {
        return casedForm.get(lowerCased);
    }
}
