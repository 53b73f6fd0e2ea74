package org.newsarchive.entity.ner;

import java.util.List;

/**
 * What became of one category's gazetteer entries when a lexicon was built.
 *
 * @param category        the category, or {@code all} for the sum of every category
 * @param read            entries read
 * @param droppedByCasing entries left out because their words are mostly written in lower case
 * @param droppedByLength entries left out because they are not 1 to {@value GazetteerFilter#MAX_TOKENS} tokens
 * @param kept            entries added to the lexicon
 */
public record GazetteerCounts(String category, int read, int droppedByCasing, int droppedByLength, int kept) {

    /** The sum of {@code counts}, as category {@code all}. */
    public static GazetteerCounts total(List<GazetteerCounts> counts) {
        int read = 0;
        int casing = 0;
        int length = 0;
        int kept = 0;
        for (GazetteerCounts c : counts) {
            read += c.read;
            casing += c.droppedByCasing;
            length += c.droppedByLength;
            kept += c.kept;
        }
        return new GazetteerCounts("all", read, casing, length, kept);
    }
}
