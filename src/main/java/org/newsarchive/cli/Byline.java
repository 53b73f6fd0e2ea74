package org.newsarchive.cli;

import java.util.List;

/**
 * Who published an article, in the few words a search hit's line has room for:
 * {@code reuters.com, by Jane Doe, John Roe}. Crawled pages sometimes list a dozen authors
 * (or every name in the page footer): beyond {@value #SHOWN} the rest is a count, and
 * {@code show} prints them all.
 */
final class Byline {

    /** Authors named on a hit's line. */
    static final int SHOWN = 3;

    private Byline() {
    }

    /** The source and authors, either may be missing; empty when both are. */
    static String of(String source, List<String> authors) {
        StringBuilder line = new StringBuilder(source == null ? "" : source);
        if (!authors.isEmpty()) {
            if (line.length() > 0) {
                line.append(", ");
            }
            line.append("by ").append(String.join(", ", authors.subList(0, Math.min(SHOWN, authors.size()))));
            if (authors.size() > SHOWN) {
                line.append(" and ").append(authors.size() - SHOWN).append(" more");
            }
        }
        return line.toString();
    }
}
