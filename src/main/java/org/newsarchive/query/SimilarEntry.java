package org.newsarchive.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.newsarchive.schema.StoredArticle;

/**
 * One line of a {@link SimilarRequest}'s answer: a similar article, or in a thread the given
 * article itself ({@code given}, with no score).
 */
public record SimilarEntry(SimilarArticle article, boolean given) {

    /**
     * The answer of {@code similar}: the similar articles as found (best first), or, when
     * {@code thread} is the given article, those and it by date, oldest first.
     *
     * @param thread the given article for a thread, null for a plain answer
     */
    public static List<SimilarEntry> answer(List<SimilarArticle> found, StoredArticle thread) {
        List<SimilarEntry> entries = new ArrayList<>();
        for (SimilarArticle article : found) {
            entries.add(new SimilarEntry(article, false));
        }
        if (thread != null) {
            entries.add(new SimilarEntry(new SimilarArticle(thread.id(), thread.date(), thread.published(), thread.headline(),
                    thread.path(), Float.NaN), true));
            entries.sort(Comparator.comparing((SimilarEntry e) -> e.article().published())
                    .thenComparing(e -> e.article().id()));
        }
        return entries;
    }
}
