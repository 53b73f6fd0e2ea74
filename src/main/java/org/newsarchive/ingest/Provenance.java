package org.newsarchive.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an article was published, as crawlers and exports record it: the page's address, the
 * site, the authors, the language. Seed-format files carry none of it ({@link #NONE}).
 *
 * <p>The source is kept as a bare lower-case host name ({@code reuters.com}, not
 * {@code https://www.Reuters.com/}) because it is a filter and a count: {@code source:reuters.com}
 * must find an article whether its crawler wrote the domain with or without {@code www.}. When a
 * record names no source, the host of its URL is its source.
 *
 * @param url      the article's address, or null
 * @param source   the publishing site's host name, normalised by {@link #sourceKey}, or null
 * @param authors  the authors as written, in order, none blank; empty when unknown
 * @param language the language code as given ({@code en}), or null
 */
public record Provenance(String url, String source, List<String> authors, String language) {

    /** What a seed-format file records: nothing. */
    public static final Provenance NONE = new Provenance(null, null, List.of(), null);

    public Provenance {
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        url = blankToNull(url);
        source = blankToNull(source);
        language = blankToNull(language);
    }

    /**
     * The matching form of a source: lower case, without scheme, {@code www.}, port, path or
     * trailing dot; empty when nothing is left. {@code "https://www.Reuters.com/world"} and
     * {@code "reuters.com"} both give {@code reuters.com}.
     */
    public static String sourceKey(String source) {
        String s = source.strip().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int at = s.indexOf('@');
        int slash = s.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            s = s.substring(at + 1); // user info
        }
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = i;
                break;
            }
        }
        s = s.substring(0, end);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("www.") && s.length() > 4) {
            s = s.substring(4);
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
