package org.newsarchive.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into a {@link Snippet}: passages in text order joined by an
 * ellipsis, white space (paragraph breaks included) folded to single spaces, and matches kept as
 * ranges rather than baked-in markup, so each output format marks them its own way and no
 * markup can collide with the article's own characters.
 *
 * <p>Passages follow sentence boundaries, and news sentences run long; a passage longer than
 * {@value #MAX_PASSAGE_CHARS} characters is cut to a window that starts a little before its
 * first match, at word boundaries, so a snippet stays two or three terminal lines.
 */
final class SnippetFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";
    static final int MAX_PASSAGE_CHARS = 200;
    private static final int LEAD_CHARS = 60;

    @Override
    public Snippet format(Passage[] passages, String content) {
        Passage[] ordered = passages.clone();
        Arrays.sort(ordered, Comparator.comparingInt(Passage::getStartOffset));
        StringBuilder out = new StringBuilder();
        List<Snippet.Highlight> highlights = new ArrayList<>();
        int previousEnd = 0;
        for (Passage passage : ordered) {
            int start = passage.getStartOffset();
            int end = passage.getEndOffset();
            if (end - start > MAX_PASSAGE_CHARS) {
                int anchor = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : start;
                start = wordStartAtOrAfter(content, Math.max(start, anchor - LEAD_CHARS), anchor);
                end = wordEndAtOrBefore(content, start, Math.min(end, start + MAX_PASSAGE_CHARS));
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            if (start > previousEnd && !content.substring(previousEnd, start).isBlank()) {
                out.append(ELLIPSIS).append(' ');
            }
            append(passage, start, end, content, out, highlights);
            previousEnd = end;
        }
        if (out.length() > 0 && !content.substring(Math.min(previousEnd, content.length())).isBlank()) {
            out.append(' ').append(ELLIPSIS);
        }
        return new Snippet(out.toString(), highlights);
    }

    /** The first word start in [from, limit], or {@code from} when a word straddles it. */
    private static int wordStartAtOrAfter(String content, int from, int limit) {
        if (from == 0 || Character.isWhitespace(content.charAt(from - 1))) {
            return from;
        }
        for (int i = from; i < limit; i++) {
            if (Character.isWhitespace(content.charAt(i))) {
                return i + 1;
            }
        }
        return from;
    }

    /** The last word end in [from, to], or {@code to} when there is no space to cut at. */
    private static int wordEndAtOrBefore(String content, int from, int to) {
        if (to >= content.length() || Character.isWhitespace(content.charAt(to))) {
            return to;
        }
        for (int i = to; i > from; i--) {
            if (Character.isWhitespace(content.charAt(i - 1))) {
                return i - 1;
            }
        }
        return to;
    }

    private static void append(Passage passage, int from, int to, String content, StringBuilder out,
            List<Snippet.Highlight> highlights) {
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        int matches = passage.getNumMatches();
        int next = 0;
        int openAt = -1;
        int closeAt = -1;
        boolean pendingSpace = false;
        for (int i = from; i < to; i++) {
            if (openAt >= 0 && i >= closeAt) {
                while (next < matches && starts[next] < closeAt) {
                    closeAt = Math.max(closeAt, ends[next++]);
                }
                if (i >= closeAt) {
                    highlights.add(new Snippet.Highlight(openAt, out.length()));
                    openAt = -1;
                }
            }
            char c = content.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0 && out.charAt(out.length() - 1) != ' ';
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (openAt < 0) {
                while (next < matches && ends[next] <= i) {
                    next++;
                }
                if (next < matches && starts[next] <= i) {
                    openAt = out.length();
                    closeAt = ends[next++];
                }
            }
            out.append(c);
        }
        if (openAt >= 0) {
            highlights.add(new Snippet.Highlight(openAt, out.length()));
        }
    }
}
