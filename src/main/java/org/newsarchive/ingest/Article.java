package org.newsarchive.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
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
 * <p>A source that gives a time of day but no offset ({@code 2023-12-22 08:30:00}, the form of
 * the news-please crawler) gets {@code localTime} instead: the time orders articles within the
 * day, and no offset is invented for it.
 *
 * @param id         stable short id: derived from the file's real path for an article file, so the
 *                   same file reached through another spelling of its path is the same article;
 *                   from the URL, else the record's bytes, for a JSON record ({@link ArticleId})
 * @param date       publication date
 * @param time       publication date-time with offset, or {@code null} when the source gave no offset
 * @param localTime  time of day without an offset, or {@code null}; never set together with {@code time}
 * @param headline   the title line, or the first sentence when the article has no title line
 * @param body       the text after the title, paragraphs separated by one blank line
 * @param path       the real, absolute path of the source file ({@link #STANDARD_INPUT} for records
 *                   read from standard input)
 * @param sizeBytes  size of the source file in bytes; of the record's bytes for a record of a
 *                   JSON lines or JSON array file
 * @param sha256     SHA-256 of the source file's bytes (of the record's, for a record of a file
 *                   of many), lower-case hex
 * @param wordCount  words in headline and body
 * @param provenance URL, source, authors and language, when the source gave them
 */
public record Article(
        String id,
        LocalDate date,
        OffsetDateTime time,
        LocalTime localTime,
        String headline,
        String body,
        Path path,
        long sizeBytes,
        String sha256,
        int wordCount,
        Provenance provenance) {

    /** Separator between paragraphs in {@link #body()}. */
    public static final String PARAGRAPH_SEPARATOR = "\n\n";

    /**
     * The path given to articles read from standard input: not a file, never pruned, and shown
     * as it is.
     */
    public static final Path STANDARD_INPUT = Path.of("<stdin>");

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(provenance, "provenance");
        if (time != null && localTime != null) {
            throw new IllegalArgumentException("an article has a time with an offset or one without, not both");
        }
        if (time != null && !time.toLocalDate().equals(date)) {
            throw new IllegalArgumentException("time " + time + " is not on date " + date);
        }
    }

    /** An article of a seed-format file: no time without offset, no provenance. */
    public Article(String id, LocalDate date, OffsetDateTime time, String headline, String body, Path path,
            long sizeBytes, String sha256, int wordCount) {
        this(id, date, time, null, headline, body, path, sizeBytes, sha256, wordCount, Provenance.NONE);
    }

    /** The body's paragraphs, in order. */
    public List<String> paragraphs() {
        return body.isEmpty() ? List.of() : List.of(body.split(PARAGRAPH_SEPARATOR, -1));
    }
}
