package org.newsarchive.query;

import java.time.LocalDate;

/** An article found by {@link ArchiveSearcher#similar}: how much it resembles the given one. */
public record SimilarArticle(String id, LocalDate date, String published, String headline, String path, float score) {
}
