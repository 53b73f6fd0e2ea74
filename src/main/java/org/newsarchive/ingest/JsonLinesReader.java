package org.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads a JSON lines file (one article per line) as a stream: memory holds one line, whatever
 * the file's size.
 *
 * <p>Every line stands alone: a line that is not JSON, or not an article, is rejected with its
 * number and the next line is read. Blank lines are skipped. A line over the size limit is
 * skipped without being held in memory.
 *
 * <p><b>Reading only what was appended.</b> The reader returns a {@link Position}: the end of
 * the last complete line (one ending in a line break), the number of lines up to there, and the
 * SHA-256 of every byte before it. A later run checks that the file still begins with exactly
 * those bytes ({@link #resume}) and then reads on from there, so a crawler's log that grew by a
 * thousand lines costs a hash of the old part and the parsing of the new. A last line without
 * a line break is read but not passed: a writer may be in the middle of it, and the next run
 * reads it again (its article has the same id, so it is not duplicated).
 */
public final class JsonLinesReader {

    /**
     * Where a reading ended: {@code offset} bytes of content, {@code lines} lines, and the
     * SHA-256 of those bytes.
     */
    public record Position(long offset, long lines, byte[] sha256) {
        public Position {
            Objects.requireNonNull(sha256, "sha256");
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Position p && p.offset == offset && p.lines == lines && Arrays.equals(p.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(offset) * 31 + Arrays.hashCode(sha256);
        }

        @Override
        public String toString() {
            return "Position[offset=" + offset + ", lines=" + lines + ", sha256=" + HexFormat.of().formatHex(sha256) + "]";
        }
    }

    private static final int BUFFER = 1 << 16;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final JsonArticleMapper mapper;
    private final long maxRecordSize;

    /**
     * @param maxRecordSize longest accepted line in bytes; longer lines are rejected as
     *                      {@link RejectReason#TOO_LARGE}
     */
    public JsonLinesReader(JsonArticleMapper mapper, long maxRecordSize) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        if (maxRecordSize < 1) {
            throw new IllegalArgumentException("maxRecordSize must be 1 or more, not " + maxRecordSize);
        }
        this.maxRecordSize = maxRecordSize;
    }

    /** A reading from the start of the content. */
    public static Resume start() {
        return new Resume(0, 0, Sha256.newDigest());
    }

    /**
     * Checks that {@code in} begins with the bytes {@code position} describes, reading exactly
     * {@code position.offset()} of them. Returns where to read on from, or null when the content
     * is shorter or differs: the file was rewritten, not appended to, and must be read whole
     * from a new stream.
     */
    public static Resume resume(InputStream in, Position position) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[BUFFER];
        long left = position.offset();
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return null;
            }
            digest.update(buffer, 0, n);
            left -= n;
        }
        if (!Arrays.equals(Sha256.copy(digest).digest(), position.sha256)) {
            return null;
        }
        return new Resume(position.offset(), position.lines(), digest);
    }

    /** Where reading starts: an offset and line count, and the digest of the bytes before. */
    public static final class Resume {
        private final long offset;
        private final long lines;
        private final MessageDigest digest;

        private Resume(long offset, long lines, MessageDigest digest) {
            this.offset = offset;
            this.lines = lines;
            this.digest = digest;
        }

        /** Bytes already read. */
        public long offset() {
            return offset;
        }

        /** Lines already read. */
        public long lines() {
            return lines;
        }
    }

    /**
     * Reads the lines of {@code in} from {@code from} (where {@code in} stands), passing each
     * record to {@code sink}, and returns the position after the last complete line.
     *
     * @param path the file, for the articles and the rejections
     * @throws IOException when the content cannot be read (a broken gzip stream); records passed
     *                     before stay passed
     */
    public Position read(InputStream in, Path path, Resume from, RecordSink sink) throws IOException {
        MessageDigest digest = from.digest;
        long offset = from.offset;
        long lineNumber = from.lines;
        byte[] buffer = new byte[BUFFER];
        byte[] line = new byte[1024];
        int lineLength = 0;
        MessageDigest oversize = null; // the digest while a line over the limit is skipped
        MessageDigest recordDigest = Sha256.newDigest(); // each record's own, reset by every digest()
        long oversizeLength = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int start = 0;
            for (int i = indexOf(buffer, start, n); i >= 0; i = indexOf(buffer, start, n)) {
                lineNumber++;
                int chunk = i - start;
                if (oversize != null) {
                    oversize.update(buffer, start, chunk + 1);
                    digest = oversize;
                    long length = oversizeLength + chunk;
                    oversize = null;
                    sink.accept(tooLarge(path, lineNumber, length));
                    offset += length + 1;
                } else if (lineLength + (long) chunk > maxRecordSize) {
                    digest.update(line, 0, lineLength);
                    digest.update(buffer, start, chunk + 1);
                    sink.accept(tooLarge(path, lineNumber, lineLength + (long) chunk));
                    offset += lineLength + chunk + 1;
                } else if (lineLength == 0) {
                    digest.update(buffer, start, chunk + 1);
                    record(buffer, start, chunk, path, lineNumber, recordDigest, sink);
                    offset += chunk + 1;
                } else {
                    line = append(line, lineLength, buffer, start, chunk);
                    int length = lineLength + chunk;
                    digest.update(line, 0, length);
                    digest.update(buffer, i, 1);
                    record(line, 0, length, path, lineNumber, recordDigest, sink);
                    offset += length + 1;
                }
                lineLength = 0;
                oversizeLength = 0;
                start = i + 1;
            }
            int rest = n - start;
            if (rest == 0) {
                continue;
            }
            if (oversize != null) {
                oversize.update(buffer, start, rest);
                oversizeLength += rest;
            } else if (lineLength + (long) rest > maxRecordSize) {
                oversize = Sha256.copy(digest);
                oversize.update(line, 0, lineLength);
                oversize.update(buffer, start, rest);
                oversizeLength = lineLength + (long) rest;
                lineLength = 0;
            } else {
                line = append(line, lineLength, buffer, start, rest);
                lineLength += rest;
            }
        }
        if (oversize != null) {
            sink.accept(tooLarge(path, lineNumber + 1, oversizeLength));
        } else if (lineLength > 0) {
            record(line, 0, lineLength, path, lineNumber + 1, recordDigest, sink); // not counted: see the class comment
        }
        return new Position(offset, lineNumber, Sha256.copy(digest).digest());
    }

    private void record(byte[] bytes, int from, int length, Path path, long lineNumber, MessageDigest recordDigest,
            RecordSink sink) {
        int start = from;
        int end = from + length;
        if (lineNumber == 1 && length >= 3 && Arrays.equals(bytes, start, start + 3, UTF8_BOM, 0, 3)) {
            start += 3;
        }
        while (end > start && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        int first = start;
        while (first < end && (bytes[first] == ' ' || bytes[first] == '\t')) {
            first++;
        }
        if (first == end) {
            return; // a blank line
        }
        recordDigest.update(bytes, first, end - first);
        String hash = HexFormat.of().formatHex(recordDigest.digest());
        JsonNode node;
        try {
            node = JsonReading.LINE.readTree(bytes, first, end - first);
        } catch (JsonProcessingException e) {
            sink.accept(new ParseOutcome.Rejected(path, lineNumber, RejectReason.BAD_JSON, JsonReading.problem(e)));
            return;
        } catch (IOException e) {
            sink.accept(new ParseOutcome.Rejected(path, lineNumber, RejectReason.BAD_JSON, "bad JSON: " + e.getMessage()));
            return;
        }
        sink.accept(mapper.map(node, path, lineNumber, end - first, hash));
    }

    private ParseOutcome.Rejected tooLarge(Path path, long lineNumber, long length) {
        return new ParseOutcome.Rejected(path, lineNumber, RejectReason.TOO_LARGE, "line is "
                + ArticleParser.formatSize(length) + ", over the " + ArticleParser.formatSize(maxRecordSize) + " limit");
    }

    private static int indexOf(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] append(byte[] line, int length, byte[] buffer, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
        }
        System.arraycopy(buffer, from, line, length, count);
        return line;
    }


}
