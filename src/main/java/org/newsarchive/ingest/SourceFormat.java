package org.newsarchive.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The formats of archive files, told by name: {@code .txt} (the seed format), {@code .json}
 * (one article, an array of articles, or several objects one after another), {@code .jsonl} or
 * {@code .ndjson} (one article per line); each may be gzip-compressed ({@code .jsonl.gz}).
 *
 * <p>By name rather than by content because a walk must decide without opening a million files,
 * and because the name is what a user controls. A file named directly on the command line with
 * no known suffix is read in the seed format, as it always was.
 */
public enum SourceFormat {
    /** The seed format: a date line, then the text. */
    ARTICLE_TEXT,
    /** A JSON value: one article (a file per article, as news-please writes), or an array or sequence of them. */
    JSON,
    /** JSON lines: one article per line; appended lines are all a re-run reads. */
    JSON_LINES;

    private static final String GZIP = ".gz";

    /** The format of a file named {@code name}, or null when the name is not an archive file's. */
    public static SourceFormat ofName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(GZIP)) {
            lower = lower.substring(0, lower.length() - GZIP.length());
        }
        if (lower.endsWith(".txt")) {
            return ARTICLE_TEXT;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        return null;
    }

    /** The format of {@code path}; the seed format when its name says nothing (a file the user named). */
    public static SourceFormat of(Path path) {
        Path name = path.getFileName();
        SourceFormat format = name == null ? null : ofName(name.toString());
        return format == null ? ARTICLE_TEXT : format;
    }

    /** Whether the file is gzip-compressed, by its name. */
    public static boolean isCompressed(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(GZIP);
    }

    /** Opens the file's content, decompressing on the fly when it is gzip-compressed; buffered. */
    public static InputStream open(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            return isCompressed(path) ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Decompresses gzip bytes, reading at most {@code limit + 1} bytes so a bomb is caught early. */
    public static byte[] gunzip(byte[] compressed, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed), 1 << 16)) {
            return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        }
    }
}
