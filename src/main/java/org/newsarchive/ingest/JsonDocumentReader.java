package org.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Reads a {@code .json} file: one article (a file per article, as news-please writes them), an
 * array of articles, or articles one after another. Parsed with Jackson's streaming parser, one
 * article at a time, so memory holds one article whatever the file's size.
 *
 * <p>Within an array a value that is not an article is rejected and the next is read; but a
 * syntax error leaves no safe place to go on from, so it rejects the rest of the file (what came
 * before stays indexed). Records are numbered by the line they start on.
 */
public final class JsonDocumentReader {

    private final JsonArticleMapper mapper;
    private final long maxRecordSize;

    public JsonDocumentReader(JsonArticleMapper mapper, long maxRecordSize) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.maxRecordSize = maxRecordSize;
    }

    /**
     * The article of a file that holds exactly one JSON object, as one article file: its size and
     * hash are the file's, it has no line. Null when the content holds an array or several values:
     * then it is a file of many, for {@link #read}. A syntax error is a rejection of the file.
     *
     * @param stored the file's bytes as stored (gzip-compressed when its name says so)
     * @param sha256 SHA-256 of {@code stored}
     */
    public ParseOutcome parseSingle(Path path, byte[] stored, String sha256) {
        StoredContent text = StoredContent.of(path, stored, maxRecordSize);
        if (text.rejected() != null) {
            return text.rejected();
        }
        byte[] content = text.bytes();
        try (JsonParser parser = JsonReading.MAPPER.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ParseOutcome.Rejected(path, RejectReason.EMPTY, content.length == 0 ? "empty file" : "only whitespace");
            }
            if (first != JsonToken.START_OBJECT) {
                return first == JsonToken.START_ARRAY ? null
                        : new ParseOutcome.Rejected(path, RejectReason.BAD_JSON, "bad JSON: the file holds no object");
            }
            JsonNode node = parser.readValueAsTree();
            if (parser.nextToken() != null) {
                return null; // several objects one after another
            }
            return mapper.map(node, path, 0, stored.length, sha256);
        } catch (JsonProcessingException e) {
            return new ParseOutcome.Rejected(path, RejectReason.BAD_JSON, atLine(e) + JsonReading.problem(e));
        } catch (IOException e) {
            return new ParseOutcome.Rejected(path, RejectReason.UNREADABLE, IoProblem.unreadable(e));
        }
    }

    /** As {@link #read(InputStream, Path, RecordSink)}, over content in memory. */
    public Summary read(byte[] content, Path path, RecordSink sink) throws IOException {
        return read(new ByteArrayInputStream(content), path, sink);
    }

    /**
     * What a reading saw.
     *
     * @param sha256  SHA-256 of the whole content: whether a touched file changed
     * @param length  bytes of content
     */
    public record Summary(byte[] sha256, long length) {
    }

    /**
     * Reads every article of the content, passing each (or its rejection) to {@code sink}. The
     * whole content is read, and hashed, even after a syntax error.
     *
     * @throws IOException when the content cannot be read (a broken gzip stream)
     */
    public Summary read(InputStream content, Path path, RecordSink sink) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        CountingDigestStream in = new CountingDigestStream(content, digest);
        try (JsonParser parser = JsonReading.MAPPER.createParser(in)) {
            try {
                JsonToken token = parser.nextToken();
                boolean array = token == JsonToken.START_ARRAY;
                if (array) {
                    token = parser.nextToken();
                }
                while (token != null && !(array && token == JsonToken.END_ARRAY)) {
                    long line = parser.currentTokenLocation().getLineNr();
                    long start = parser.currentTokenLocation().getByteOffset();
                    if (token != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        sink.accept(new ParseOutcome.Rejected(path, line, RejectReason.BAD_JSON,
                                "not a JSON object but " + describe(token)));
                    } else {
                        JsonNode node = parser.readValueAsTree();
                        long size = parser.currentLocation().getByteOffset() - start;
                        if (size > maxRecordSize) {
                            sink.accept(new ParseOutcome.Rejected(path, line, RejectReason.TOO_LARGE, "record is "
                                    + ArticleParser.formatSize(size) + ", over the " + ArticleParser.formatSize(maxRecordSize) + " limit"));
                        } else {
                            byte[] canonical = JsonReading.MAPPER.writeValueAsBytes(node);
                            String hash = Sha256.hex(canonical);
                            sink.accept(mapper.map(node, path, line, size, hash));
                        }
                    }
                    token = parser.nextToken();
                }
                if (array && parser.nextToken() != null) {
                    JsonLocation where = parser.currentTokenLocation();
                    sink.accept(new ParseOutcome.Rejected(path, where.getLineNr(), RejectReason.BAD_JSON,
                            "bad JSON: more content after the array"));
                }
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? 0 : Math.max(1, e.getLocation().getLineNr());
                sink.accept(new ParseOutcome.Rejected(path, line, RejectReason.BAD_JSON,
                        JsonReading.problem(e) + "; the rest of the file is not read"));
            }
        }
        in.drain();
        return new Summary(digest.digest(), in.count());
    }

    private static String atLine(JsonProcessingException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? "line " + e.getLocation().getLineNr() + ": " : "";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** Hashes and counts what passes, and can read to the end after the parser stopped. */
    private static final class CountingDigestStream extends InputStream {
        private final InputStream in;
        private final MessageDigest digest;
        private long count;

        CountingDigestStream(InputStream in, MessageDigest digest) {
            this.in = in;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        void drain() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // hashed and counted by read
            }
        }

        long count() {
            return count;
        }

        @Override
        public void close() {
            // the caller owns the underlying stream; the parser must not close it before drain()
        }
    }
}
