package org.newsarchive.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * One paragraph of an article's text.
 *
 * <p>Source files wrap lines wherever their tool liked; only blank lines carry meaning. So a
 * paragraph's lines are joined with single spaces, and the number of source lines is kept because
 * a title is recognised partly by having been a line of its own.
 *
 * @param text  the paragraph's lines, each stripped, joined with one space; never blank
 * @param lines how many source lines the paragraph spanned
 */
record Paragraph(String text, int lines) {

    /**
     * Splits {@code text} from index {@code from} into paragraphs, in one pass. A line holding only
     * whitespace separates paragraphs like an empty one; runs of blank lines produce no empty
     * paragraphs. Lines end with {@code \n} only (see {@link TextDecoder}).
     */
    static List<Paragraph> split(String text, int from) {
        List<Paragraph> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lines = 0;
        int n = text.length();
        int lineStart = from;
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int s = lineStart;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                if (lines > 0) {
                    paragraphs.add(new Paragraph(current.toString(), lines));
                    current.setLength(0);
                    lines = 0;
                }
            } else {
                if (lines > 0) {
                    current.append(' ');
                }
                current.append(text, s, e);
                lines++;
            }
            lineStart = lineEnd + 1;
        }
        if (lines > 0) {
            paragraphs.add(new Paragraph(current.toString(), lines));
        }
        return paragraphs;
    }
}
