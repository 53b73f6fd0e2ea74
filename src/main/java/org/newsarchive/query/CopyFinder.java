package org.newsarchive.query;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Finds an article's near-duplicate copies, wherever the archive is kept: candidates share a
 * band of the MinHash signature, and a copy is a candidate whose signature agrees on at least
 * {@value #MIN_SIMILARITY} of its values.
 */
public interface CopyFinder {

    /**
     * Estimated Jaccard similarity of word pairs from which two articles are copies. On planted
     * reprints of Reuters articles (docs/near-duplicates.md) it finds 99.8% of copies with two
     * words changed and 92% with six, with no copy joined to the wrong article.
     */
    double MIN_SIMILARITY = 0.6;

    /** A copy of an article and the estimated share of word pairs they have in common. */
    record Copy(String id, double similarity) {
    }

    /** The copies of the article with {@code id}, in no order; empty when there is no such article. */
    Optional<List<Copy>> copiesOf(String id) throws IOException;

    /** The copies as articles, each scored by its similarity, in the order given. */
    List<SimilarArticle> describe(List<Copy> copies) throws IOException;
}
