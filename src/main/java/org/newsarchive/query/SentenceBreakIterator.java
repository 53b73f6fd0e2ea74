package org.newsarchive.query;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets, found in one pass over the text and then looked up by binary
 * search. The JDK's rule-based sentence iterator was the largest single cost of a search with
 * snippets (a fifth of its time): it re-scans text character by character through a
 * {@link CharacterIterator} for every {@code following}/{@code preceding} call the highlighter
 * makes. Snippets need sentence-ish passages, not linguistics, so the rules are few:
 *
 * <ul>
 *   <li>a boundary after {@code .}, {@code !} or {@code ?} (and any closing quotes or brackets)
 *       followed by white space, unless the next word starts in lower case ("approx. five") or
 *       the word before the full stop is a single letter (initials, "U.S.");
 *   <li>a boundary after every line break (paragraphs and headlines are lines);
 *   <li>the start and the end of the text.
 * </ul>
 *
 * Not thread-safe, like every {@link BreakIterator}.
 */
final class SentenceBreakIterator extends BreakIterator {

    private String text = "";
    private int[] boundaries = {0};
    private int index;

    @Override
    public void setText(String newText) {
        text = newText;
        boundaries = boundariesOf(newText);
        index = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        setText(copy.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public int first() {
        index = 0;
        return boundaries[0];
    }

    @Override
    public int last() {
        index = boundaries.length - 1;
        return boundaries[index];
    }

    @Override
    public int next(int n) {
        int target = index + n;
        if (target < 0 || target >= boundaries.length) {
            index = target < 0 ? 0 : boundaries.length - 1;
            return DONE;
        }
        index = target;
        return boundaries[index];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        if (index == 0) {
            return DONE;
        }
        return boundaries[--index];
    }

    @Override
    public int following(int offset) {
        int at = Arrays.binarySearch(boundaries, offset);
        int next = at >= 0 ? at + 1 : -at - 1;
        if (next >= boundaries.length) {
            index = boundaries.length - 1;
            return DONE;
        }
        index = next;
        return boundaries[index];
    }

    @Override
    public int preceding(int offset) {
        int at = Arrays.binarySearch(boundaries, offset);
        int previous = at >= 0 ? at - 1 : -at - 2;
        if (previous < 0) {
            index = 0;
            return DONE;
        }
        index = previous;
        return boundaries[index];
    }

    @Override
    public int current() {
        return boundaries[index];
    }

    @Override
    public Object clone() {
        SentenceBreakIterator copy = new SentenceBreakIterator();
        copy.text = text;
        copy.boundaries = boundaries;
        copy.index = index;
        return copy;
    }

    /** Every boundary of {@code text}, ascending, from 0 to its length. */
    static int[] boundariesOf(String text) {
        int length = text.length();
        int[] found = new int[16];
        int count = 0;
        found[count++] = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int boundary = -1;
            if (c == '\n') {
                boundary = i + 1;
            } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
                int end = i + 1;
                while (end < length && isCloser(text.charAt(end))) {
                    end++;
                }
                while (end < length && text.charAt(end) == ' ') {
                    end++;
                }
                boundary = end;
                i = end - 1;
            }
            if (boundary > found[count - 1] && boundary < length) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = boundary;
            }
        }
        if (length > found[count - 1]) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count + 1);
            }
            found[count++] = length;
        }
        return Arrays.copyOf(found, count);
    }

    /** Whether the punctuation at {@code at} ends a sentence. */
    private static boolean endsSentence(String text, int at) {
        int after = at + 1;
        while (after < text.length() && isCloser(text.charAt(after))) {
            after++;
        }
        if (after >= text.length() || !Character.isWhitespace(text.charAt(after))) {
            return false; // "3.5", "U.S.-Japan", or the very end (a boundary anyway)
        }
        if (text.charAt(at) != '.') {
            return true;
        }
        int next = after;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        if (next < text.length() && Character.isLowerCase(text.charAt(next))) {
            return false; // "approx. five", "Corp. said"
        }
        boolean singleLetter = at >= 1 && Character.isLetter(text.charAt(at - 1))
                && (at == 1 || !Character.isLetter(text.charAt(at - 2)));
        return !singleLetter; // initials: "U.S.", "J. Smith"
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019';
    }
}
