package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    static final Path FILE = Path.of("/crawl/feed.jsonl");

    final JsonLinesReader reader = new JsonLinesReader(new JsonArticleMapper(FieldMap.DEFAULT), 200);

    static String record(int n) {
        return "{\"title\": \"Story " + n + "\", \"text\": \"Text " + n + ".\", \"date\": \"2023-12-" + (10 + n) + "\"}";
    }

    static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code text} whole; the outcomes in order, as "line: headline" or "line: reason: detail". */
    List<String> read(String text) throws IOException {
        List<String> seen = new ArrayList<>();
        reader.read(in(text), FILE, JsonLinesReader.start(), outcome -> seen.add(describe(outcome)));
        return seen;
    }

    static String describe(ParseOutcome outcome) {
        if (outcome instanceof ParseOutcome.Parsed p) {
            return p.line() + ": " + p.article().headline();
        }
        ParseOutcome.Rejected r = (ParseOutcome.Rejected) outcome;
        return r.line() + ": " + r.reason().code() + ": " + r.detail();
    }

    static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyLineIsARecordAndBadLinesAreRejectedByNumber() throws IOException {
        String text = record(1) + "\n"
                + "{\"title\": \"Broken\", \"text\": \n"
                + "\n"
                + "   \n"
                + record(2) + "\r\n"
                + "{\"title\": \"No date\", \"text\": \"x\"}\n"
                + record(3) + " {\"extra\": 1}\n"
                + "[1]\n"
                + record(4);
        assertEquals(List.of(
                "1: Story 1",
                "2: bad-json: bad JSON: it ends in the middle of a value (column 28)",
                "5: Story 2",
                "6: no-date: no date (looked for date_publish, date, published, publishedAt, published_at, datePublished,"
                        + " pubDate, publication_date)",
                "7: bad-json: bad JSON: more than one value (column 63)",
                "8: bad-json: not a JSON object but an array",
                "9: Story 4"), read(text));
    }

    @Test
    void aByteOrderMarkOnTheFirstLineIsIgnored() throws IOException {
        assertEquals(List.of("1: Story 1"), read("\uFEFF" + record(1) + "\n"));
    }

    @Test
    void aLineOverTheLimitIsRejectedWithoutBeingHeld() throws IOException {
        String longLine = "{\"title\": \"" + "x".repeat(300) + "\"}";
        assertEquals(List.of("1: Story 1", "2: too-large: line is 313 bytes, over the 200 bytes limit", "3: Story 3"),
                read(record(1) + "\n" + longLine + "\n" + record(3) + "\n"));
        assertEquals(List.of("1: Story 1", "2: too-large: line is 313 bytes, over the 200 bytes limit"),
                read(record(1) + "\n" + longLine));
    }

    @Test
    void thePositionIsTheEndOfTheLastCompleteLine() throws Exception {
        String complete = record(1) + "\n" + record(2) + "\n";
        String text = complete + record(3); // a writer is still on line 3
        List<String> seen = new ArrayList<>();
        JsonLinesReader.Position end = reader.read(in(text), FILE, JsonLinesReader.start(), o -> seen.add(describe(o)));
        assertEquals(List.of("1: Story 1", "2: Story 2", "3: Story 3"), seen); // line 3 is read...
        assertEquals(complete.length(), end.offset()); // ...but not passed: the next run reads it again
        assertEquals(2, end.lines());
        assertArrayEquals(sha256(complete), end.sha256());
    }

    @Test
    void appendedLinesAreAllAResumedReadingSees() throws Exception {
        String first = record(1) + "\n" + record(2) + "\n";
        JsonLinesReader.Position end = reader.read(in(first), FILE, JsonLinesReader.start(), o -> { });
        String grown = first + record(3) + "\n" + "oops\n";
        InputStream in = in(grown);
        JsonLinesReader.Resume from = JsonLinesReader.resume(in, end);
        assertNotNull(from);
        assertEquals(2, from.lines());
        List<String> seen = new ArrayList<>();
        JsonLinesReader.Position after = reader.read(in, FILE, from, o -> seen.add(describe(o)));
        assertEquals(List.of("3: Story 3", "4: bad-json: bad JSON: unrecognized token 'oops': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (column 1)"), seen);
        assertEquals(grown.length(), after.offset());
        assertEquals(4, after.lines());
        assertArrayEquals(sha256(grown), after.sha256()); // the same as reading it whole
    }

    @Test
    void aRewrittenFileCannotBeResumed() throws IOException {
        String first = record(1) + "\n" + record(2) + "\n";
        JsonLinesReader.Position end = reader.read(in(first), FILE, JsonLinesReader.start(), o -> { });
        assertNull(JsonLinesReader.resume(in(record(1) + "\n" + record(9) + "\n" + record(3) + "\n"), end)); // edited
        assertNull(JsonLinesReader.resume(in(record(1) + "\n"), end)); // shorter
    }

    @Test
    void recordsAreHashedAsTheirLineWithoutTheLineEnd() throws Exception {
        List<ParseOutcome> seen = new ArrayList<>();
        String line = record(1);
        reader.read(in("  " + line + " \r\n"), FILE, JsonLinesReader.start(), seen::add);
        Article a = assertInstanceOf(ParseOutcome.Parsed.class, seen.get(0)).article();
        String hash = java.util.HexFormat.of().formatHex(sha256(line));
        assertEquals(hash, a.sha256());
        assertEquals(hash.substring(0, 16), a.id());
        assertEquals(line.length(), a.sizeBytes());
    }
}
