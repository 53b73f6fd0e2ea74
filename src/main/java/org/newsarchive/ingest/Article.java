package org.newsarchive.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One dated news article, as parsed from its source file.
 *
 * <p>{@code date} is the calendar date the archive gives the article, in the article's own time
 * zone: date filters work on it, so "2023-12-22" means what the file says, not a UTC day.
 * {@code time} is present only when the source carried a full date-time with an offset; it is
 * kept so that nothing the archive knew is thrown away, and it orders articles within a day.
 *
 * @param id         stable short id derived from the file's real path, so the same file reached
 *                   through another spelling of its path is the same article
 * @param date       publication date
 * @param time       publication date-time with offset, or {@code null} when the source gave a date only
 * @param headline   the title line, or the first sentence when the article has no title line
 * @param body       the text after the title, paragraphs separated by one blank line
 * @param path       the real, absolute path of the source file
 * @param sizeBytes  size of the source file in bytes
 * @param sha256     SHA-256 of the source file's bytes, lower-case hex
 * @param wordCount  words in headline and body
 */
public record Article(
        String id,
        LocalDate date,
        OffsetDateTime time,
        String headline,
        String body,
        Path path,
        long sizeBytes,
        String sha256,
        int wordCount) {

    /** Separator between paragraphs in {@link #body()}. */
    public static final String PARAGRAPH_SEPARATOR = "\n\n";

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (time != null && !time.toLocalDate().equals(date)) {
            throw new IllegalArgumentException("time " + time + " is not on date " + date);
        }
    }

    /** The body's paragraphs, in order. */
    public List<String> paragraphs() {
        return body.isEmpty() ? List.of() : List.of(body.split(PARAGRAPH_SEPARATOR, -1));
    }
}
