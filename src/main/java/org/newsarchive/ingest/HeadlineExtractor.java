package org.newsarchive.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides what an article's headline is.
 *
 * <p>Wire stories (Reuters and most agencies) open with a title on a line of its own, often in
 * capitals; other archives start straight with the lede. A title must not be repeated in the body
 * (it would be indexed twice and shown twice), while a lede must stay in the body (it is the
 * story's first sentence). Hence two paths: a recognised title line is taken out of the text; for
 * anything else the first sentence is copied into the headline and the body keeps everything.
 *
 * <p>The title test is deliberately conservative: a one-line paragraph that reads like a sentence
 * (ends with {@code .!?} and has lower-case letters) is a lede, not a title. All-caps lines are
 * titles whatever their last character, because wire titles end in abbreviations such as "U.S.".
 *
 * <p>Sentence splitting is a heuristic, not a parser: it must be fast and predictable, and a
 * headline that runs one sentence too long is a small loss, whereas one cut after "Mr." is an
 * obvious bug. So abbreviations that commonly precede a name or number do not end a sentence.
 */
final class HeadlineExtractor {

    /** Longest first paragraph still taken as a title line; longer ones are prose. */
    static final int MAX_TITLE_LENGTH = 200;

    /** Longest headline made from a first sentence, before the ellipsis. */
    static final int MAX_SENTENCE_HEADLINE_LENGTH = 160;

    /** Appended to a first sentence cut at {@link #MAX_SENTENCE_HEADLINE_LENGTH}. */
    static final String ELLIPSIS = "\u2026";

    /** Closing quotes and brackets that may follow a sentence's final punctuation. */
    private static final String CLOSERS = "\"')]}\u2019\u201D\u00BB";

    /** Opening quotes and brackets that may precede an abbreviation, as in "(Mr. Smith". */
    private static final String OPENERS = "\"'([{\u2018\u201C\u00AB";

    private static final Set<String> ABBREVIATIONS = withUpperCase(Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "St",
            "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "etc",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "e.g", "i.e"));

    private HeadlineExtractor() {
    }

    /**
     * The headline of an article.
     *
     * @param text      the headline
     * @param titleLine whether the headline is the first paragraph itself, taken out of the body;
     *                  when false the headline is copied from the first paragraph, which stays
     */
    record Headline(String text, boolean titleLine) {
    }

    /** Picks the headline of an article; {@code paragraphs} is not empty. */
    static Headline extract(List<Paragraph> paragraphs) {
        if (isTitleLine(paragraphs)) {
            return new Headline(paragraphs.get(0).text(), true);
        }
        return new Headline(shorten(firstSentence(paragraphs.get(0).text())), false);
    }

    /**
     * Whether the first paragraph is a title: one source line, short, followed by more text, and
     * not shaped like a sentence (or in capitals). Closing quotes after the final punctuation are
     * looked through, so {@code He said "no."} counts as ending with a full stop.
     */
    static boolean isTitleLine(List<Paragraph> paragraphs) {
        if (paragraphs.size() < 2) {
            return false;
        }
        Paragraph first = paragraphs.get(0);
        String text = first.text();
        if (first.lines() != 1 || text.length() > MAX_TITLE_LENGTH) {
            return false;
        }
        return !endsWithTerminator(text) || !hasLowerCase(text);
    }

    /**
     * The first sentence of {@code paragraph}: up to and including the first {@code .}, {@code !}
     * or {@code ?} (with any closing quotes or brackets right after it) that is followed by
     * whitespace or the end, and is not the full stop of an abbreviation. The whole paragraph when
     * no sentence ends in it.
     */
    static String firstSentence(String paragraph) {
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < n && CLOSERS.indexOf(paragraph.charAt(end)) >= 0) {
                end++;
            }
            if (end < n && !Character.isWhitespace(paragraph.charAt(end))) {
                continue; // "3.5", "U.S" inside a word, "?!"
            }
            if (c == '.' && isAbbreviation(paragraph, i)) {
                continue;
            }
            return paragraph.substring(0, end);
        }
        return paragraph;
    }

    /**
     * Cuts {@code sentence} to at most {@link #MAX_SENTENCE_HEADLINE_LENGTH} characters at the last
     * word boundary and marks the cut with an ellipsis; a single word longer than the limit is cut
     * inside the word. Shorter sentences are returned as they are.
     */
    static String shorten(String sentence) {
        int max = MAX_SENTENCE_HEADLINE_LENGTH;
        if (sentence.length() <= max) {
            return sentence;
        }
        int cut = -1;
        for (int i = max; i > 0; i--) {
            if (Character.isWhitespace(sentence.charAt(i))) {
                cut = i;
                break;
            }
        }
        String kept;
        if (cut > 0) {
            kept = sentence.substring(0, cut).stripTrailing();
        } else {
            cut = Character.isLowSurrogate(sentence.charAt(max)) ? max - 1 : max; // keep pairs whole
            kept = sentence.substring(0, cut);
        }
        return kept + ELLIPSIS;
    }

    /** Whether the full stop at {@code dot} ends an abbreviation ("Mr.", "U.S.", "J.", "e.g."). */
    private static boolean isAbbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        while (start < dot && OPENERS.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        if (start == dot) {
            return false;
        }
        return isInitials(text, start, dot) || ABBREVIATIONS.contains(text.substring(start, dot));
    }

    /** Single capital letters separated by full stops, as in "J", "U.S", "D.C" (the last stop excluded). */
    private static boolean isInitials(String text, int start, int end) {
        if ((end - start) % 2 == 0) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = (i - start) % 2 == 0 ? Character.isUpperCase(c) : c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithTerminator(String text) {
        int i = text.length() - 1;
        while (i >= 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = text.charAt(i);
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean hasLowerCase(String text) {
        return text.codePoints().anyMatch(Character::isLowerCase);
    }

    /** The abbreviations as listed plus their all-capitals forms, for all-caps wire copy. */
    private static Set<String> withUpperCase(Set<String> listed) {
        return listed.stream()
                .flatMap(a -> Stream.of(a, a.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
