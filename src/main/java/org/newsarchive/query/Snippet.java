package org.newsarchive.query;

import java.util.List;

/**
 * A passage of text with the matched words marked by character ranges, so that each output
 * format marks them its own way (ANSI bold on a terminal, {@code <em>} in JSON).
 */
public record Snippet(String text, List<Highlight> highlights) {

    /** A matched range {@code [start, end)} of {@link Snippet#text()}. */
    public record Highlight(int start, int end) {
    }

    public static final Snippet EMPTY = new Snippet("", List.of());

    public Snippet {
        highlights = List.copyOf(mergeAdjacent(text, highlights));
    }

    /**
     * Joins highlights separated by a single space, so a matched phrase reads as one marked
     * run ("<em>South China Sea</em>") rather than three.
     */
    private static List<Highlight> mergeAdjacent(String text, List<Highlight> highlights) {
        if (highlights.size() < 2) {
            return highlights;
        }
        java.util.ArrayList<Highlight> merged = new java.util.ArrayList<>(highlights.size());
        Highlight open = highlights.get(0);
        for (int i = 1; i < highlights.size(); i++) {
            Highlight next = highlights.get(i);
            if (next.start() == open.end() + 1 && text.charAt(open.end()) == ' ') {
                open = new Highlight(open.start(), next.end());
            } else {
                merged.add(open);
                open = next;
            }
        }
        merged.add(open);
        return merged;
    }

    /** The text with every highlight wrapped in {@code open} and {@code close}. */
    public String render(String open, String close) {
        StringBuilder out = new StringBuilder(text.length() + highlights.size() * (open.length() + close.length()));
        int at = 0;
        for (Highlight h : highlights) {
            out.append(text, at, h.start()).append(open).append(text, h.start(), h.end()).append(close);
            at = h.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * Safe HTML, Elasticsearch's convention: matched words in {@code <em>..</em>}, and the
     * article's own text escaped, so that a page inserting it as HTML never runs markup an
     * article happens to hold ({@code <script>}, {@code <img onerror=...>}).
     */
    public String toHtmlEm() {
        StringBuilder out = new StringBuilder(text.length() + highlights.size() * 9 + 16);
        int at = 0;
        for (Highlight h : highlights) {
            escape(out, at, h.start());
            out.append("<em>");
            escape(out, h.start(), h.end());
            out.append("</em>");
            at = h.end();
        }
        escape(out, at, text.length());
        return out.toString();
    }

    private void escape(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
