package org.newsarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one source file into an {@link Article}, or says precisely why it cannot.
 *
 * <p>Archives are messy and large, so a bad file must never stop a batch: every problem with the
 * input becomes a {@link ParseOutcome.Rejected} with a reason a script can count and a detail a
 * person can act on. Nothing here throws for bad input; only programming errors (a null argument)
 * throw.
 *
 * <p>The checks run cheapest first and in an order that gives the most useful reason: size
 * (before reading, so a stray multi-gigabyte dump is never loaded), NUL bytes (before decoding,
 * since binary data decodes to garbage that would then be reported as a missing date line), then
 * emptiness, the date line, the date, and the text.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class ArticleParser {

    /** Files above this size are not articles but dumps or mistakes; 16 MiB is ample for a story. */
    public static final long DEFAULT_MAX_FILE_SIZE = 16L * 1024 * 1024;

    /** How much a special file (device, pipe) may yield; its size is not known in advance. */
    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

    private final long maxFileSize;

    /** A parser with the {@linkplain #DEFAULT_MAX_FILE_SIZE default size limit}. */
    public ArticleParser() {
        this(DEFAULT_MAX_FILE_SIZE);
    }

    /**
     * @param maxFileSize largest accepted file, in bytes; larger files are rejected as
     *                    {@link RejectReason#TOO_LARGE}
     */
    public ArticleParser(long maxFileSize) {
        if (maxFileSize < 0) {
            throw new IllegalArgumentException("maxFileSize must not be negative: " + maxFileSize);
        }
        this.maxFileSize = maxFileSize;
    }

    /** The largest accepted file, in bytes. */
    public long maxFileSize() {
        return maxFileSize;
    }

    /**
     * Reads and parses the file at {@code realPath}. Never throws for a bad or unreadable file: a
     * directory, a missing file or a permission problem is {@link RejectReason#UNREADABLE}.
     *
     * @param realPath the file's real path ({@link Path#toRealPath}); it is used as given for the
     *                 article's {@linkplain ArticleId id} and path, not resolved again
     */
    public ParseOutcome parse(Path realPath) {
        Objects.requireNonNull(realPath, "realPath");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(realPath, BasicFileAttributes.class);
        } catch (IOException e) {
            return reject(realPath, RejectReason.UNREADABLE, IoProblem.unreadable(e));
        }
        if (attributes.isDirectory()) {
            return reject(realPath, RejectReason.UNREADABLE, IoProblem.unreadable("is a directory"));
        }
        if (attributes.size() > maxFileSize) {
            return tooLarge(realPath, attributes.size());
        }
        byte[] content;
        try {
            if (attributes.isRegularFile()) {
                content = Files.readAllBytes(realPath);
            } else {
                // A device or pipe reports no useful size: read one byte past the limit, no more.
                try (InputStream in = Files.newInputStream(realPath)) {
                    content = in.readNBytes((int) Math.min(maxFileSize + 1, MAX_ARRAY_SIZE));
                }
                if (content.length > maxFileSize) {
                    return reject(realPath, RejectReason.TOO_LARGE,
                            "file is over the " + formatSize(maxFileSize) + " limit");
                }
            }
        } catch (IOException e) {
            return reject(realPath, RejectReason.UNREADABLE, IoProblem.unreadable(e));
        }
        return parse(realPath, content);
    }

    /**
     * Parses content already read from {@code realPath}, so that a caller that reads once (to
     * hash the bytes and skip unchanged files) does not read twice. The size limit applies to
     * {@code content.length}, and to the decompressed text of a gzip file ({@code .txt.gz}),
     * which is decompressed here.
     *
     * @param realPath the file's real path, used as given for the article's id and path
     * @param content  the file's bytes as stored; not modified
     */
    public ParseOutcome parse(Path realPath, byte[] content) {
        Objects.requireNonNull(realPath, "realPath");
        Objects.requireNonNull(content, "content");
        if (SourceFormat.isCompressed(realPath)) {
            StoredContent text = StoredContent.of(realPath, content, maxFileSize);
            return text.rejected() != null ? text.rejected() : parse(realPath, text.bytes(), content.length, sha256Hex(content));
        }
        if (content.length > maxFileSize) {
            return tooLarge(realPath, content.length);
        }
        return parse(realPath, content, content.length, sha256Hex(content));
    }

    /**
     * Parses decompressed content; {@code sizeBytes} and {@code sha256} are those of the file as
     * stored, which is what an indexer compares to tell a changed file.
     */
    private ParseOutcome parse(Path realPath, byte[] content, long sizeBytes, String sha256) {
        if (content.length == 0) {
            return reject(realPath, RejectReason.EMPTY, "empty file");
        }
        int nul = indexOfNul(content);
        if (nul >= 0) {
            return reject(realPath, RejectReason.BINARY, "binary content (NUL byte at offset " + nul + ")");
        }
        String text = TextDecoder.decode(content);
        if (text.isEmpty()) {
            return reject(realPath, RejectReason.EMPTY, "empty file"); // a byte order mark alone
        }
        if (text.isBlank()) {
            return reject(realPath, RejectReason.EMPTY, "only whitespace");
        }
        Optional<DateLine> dateLine = DateLine.find(text);
        if (dateLine.isEmpty()) {
            return reject(realPath, RejectReason.NO_DATE_LINE,
                    "no date line: the first line must start with 'date YYYY-MM-DD'");
        }
        PublicationDateParser.Result date = PublicationDateParser.parse(dateLine.get().token());
        if (date instanceof PublicationDateParser.Invalid invalid) {
            return reject(realPath, invalid.reason(), invalid.detail());
        }
        PublicationDateParser.Valid valid = (PublicationDateParser.Valid) date;
        List<Paragraph> paragraphs = Paragraph.split(text, dateLine.get().textStart());
        if (paragraphs.isEmpty()) {
            return reject(realPath, RejectReason.NO_TEXT, "no text after the date");
        }
        HeadlineExtractor.Headline headline = HeadlineExtractor.extract(paragraphs);
        Article article = new Article(
                ArticleId.of(realPath),
                valid.date(),
                valid.time(),
                headline.text(),
                joinBody(paragraphs, headline.titleLine() ? 1 : 0),
                realPath,
                sizeBytes,
                sha256,
                countWords(paragraphs));
        return new ParseOutcome.Parsed(article);
    }

    /**
     * Lower-case hex SHA-256 of {@code content}: the fingerprint an indexer compares to skip
     * files that have not changed since the last run.
     */
    public static String sha256Hex(byte[] content) {
        return Sha256.hex(content);
    }

    private static String joinBody(List<Paragraph> paragraphs, int from) {
        StringBuilder body = new StringBuilder();
        for (int i = from; i < paragraphs.size(); i++) {
            if (i > from) {
                body.append(Article.PARAGRAPH_SEPARATOR);
            }
            body.append(paragraphs.get(i).text());
        }
        return body.toString();
    }

    /**
     * Words of the whole text. A title line is the headline and not in the body; a first-sentence
     * headline is a copy of text still in the body. Either way every paragraph counts once.
     */
    private static int countWords(List<Paragraph> paragraphs) {
        int words = 0;
        for (Paragraph paragraph : paragraphs) {
            words += WordCounter.count(paragraph.text());
        }
        return words;
    }

    private static int indexOfNul(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private ParseOutcome.Rejected tooLarge(Path path, long size) {
        String actual = formatSize(size);
        String limit = formatSize(maxFileSize);
        if (actual.equals(limit)) {
            // "16.0 MiB, over the 16.0 MiB limit" would read as a contradiction: be exact instead.
            actual = size + " bytes";
            limit = maxFileSize + " bytes";
        }
        return reject(path, RejectReason.TOO_LARGE, "file is " + actual + ", over the " + limit + " limit");
    }

    /** Sizes as people read them: "512 bytes", "3.5 KiB", "20.0 MiB". */
    public static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static ParseOutcome.Rejected reject(Path path, RejectReason reason, String detail) {
        return new ParseOutcome.Rejected(path, reason, detail);
    }
}
