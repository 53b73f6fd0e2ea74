package org.newsarchive.index;

import java.util.List;

/**
 * What {@code check} found.
 *
 * @param sound    Lucene's CheckIndex found no problem
 * @param problem  what CheckIndex reported when not sound, else null
 * @param articles live articles in the index
 * @param newFiles article files on disk the index does not have
 * @param changed  files whose content differs from what the index has
 * @param missing  indexed articles whose files are gone
 * @param rejected files on disk that cannot be indexed (they do not make the index out of date)
 */
public record CheckReport(boolean sound, String problem, long articles, List<String> newFiles, List<String> changed,
        List<String> missing, List<String> rejected) {

    public CheckReport {
        rejected = List.copyOf(rejected);
        newFiles = List.copyOf(newFiles);
        changed = List.copyOf(changed);
        missing = List.copyOf(missing);
    }

    /** Sound, and holding exactly what the files on disk say. */
    public boolean upToDate() {
        return sound && newFiles.isEmpty() && changed.isEmpty() && missing.isEmpty();
    }
}
