package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDocumentReaderTest {

    static final Path FILE = Path.of("/export/articles.json");

    final JsonDocumentReader reader = new JsonDocumentReader(new JsonArticleMapper(FieldMap.DEFAULT), 1_000);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    List<String> read(String text) throws IOException {
        List<String> seen = new ArrayList<>();
        reader.read(utf8(text), FILE, outcome -> seen.add(JsonLinesReaderTest.describe(outcome)));
        return seen;
    }

    @Test
    void oneObjectIsOneArticleFileWithTheFilesSizeAndHash() {
        byte[] stored = utf8(JsonLinesReaderTest.record(1));
        ParseOutcome outcome = reader.parseSingle(FILE, stored, "ab".repeat(32));
        Article a = assertInstanceOf(ParseOutcome.Parsed.class, outcome).article();
        assertEquals("Story 1", a.headline());
        assertEquals(stored.length, a.sizeBytes());
        assertEquals("ab".repeat(32), a.sha256());
        assertEquals(0, ((ParseOutcome.Parsed) outcome).line());
    }

    @Test
    void anArrayOrASequenceIsNotOneArticle() {
        assertNull(reader.parseSingle(FILE, utf8("[" + JsonLinesReaderTest.record(1) + "]"), "x"));
        assertNull(reader.parseSingle(FILE, utf8(JsonLinesReaderTest.record(1) + JsonLinesReaderTest.record(2)), "x"));
        ParseOutcome.Rejected broken = assertInstanceOf(ParseOutcome.Rejected.class,
                reader.parseSingle(FILE, utf8("{\n\"title\": }"), "x"));
        assertEquals(RejectReason.BAD_JSON, broken.reason());
        assertEquals(RejectReason.EMPTY, assertInstanceOf(ParseOutcome.Rejected.class,
                reader.parseSingle(FILE, utf8("  \n"), "x")).reason());
    }

    @Test
    void aCompressedFileIsReadDecompressedWithTheStoredSizeAndHash() throws IOException {
        byte[] stored = SourceFormatTest.gzip(utf8(JsonLinesReaderTest.record(1)));
        Article a = assertInstanceOf(ParseOutcome.Parsed.class,
                reader.parseSingle(Path.of("/export/one.json.gz"), stored, "cd".repeat(32))).article();
        assertEquals("Story 1", a.headline());
        assertEquals(stored.length, a.sizeBytes());
        ParseOutcome.Rejected bomb = assertInstanceOf(ParseOutcome.Rejected.class,
                reader.parseSingle(Path.of("/export/big.json.gz"), SourceFormatTest.gzip(new byte[5_000]), "x"));
        assertEquals("decompressed content is over the 1000 bytes limit", bomb.detail());
    }

    @Test
    void anArrayIsReadElementByElementWithLines() throws IOException {
        String text = "[\n" + JsonLinesReaderTest.record(1) + ",\n  \"a string\",\n"
                + JsonLinesReaderTest.record(2) + "\n]\n";
        assertEquals(List.of("2: Story 1", "3: bad-json: not a JSON object but a string", "4: Story 2"), read(text));
    }

    @Test
    void objectsOneAfterAnotherAreRead() throws IOException {
        assertEquals(List.of("1: Story 1", "2: Story 2"),
                read(JsonLinesReaderTest.record(1) + "\n" + JsonLinesReaderTest.record(2) + "\n"));
    }

    @Test
    void aSyntaxErrorEndsTheFileButKeepsWhatCameBefore() throws Exception {
        String text = "[" + JsonLinesReaderTest.record(1) + ",\n{\"title\": oops}, " + JsonLinesReaderTest.record(3) + "]";
        List<String> seen = new ArrayList<>();
        JsonDocumentReader.Summary summary = reader.read(utf8(text), FILE, o -> seen.add(JsonLinesReaderTest.describe(o)));
        assertEquals(2, seen.size());
        assertEquals("1: Story 1", seen.get(0));
        assertEquals("2: bad-json: bad JSON: unrecognized token 'oops': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false') (column 11); the rest of the file is not read", seen.get(1));
        // the whole content is still hashed, so that an unchanged broken file is known as such
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(utf8(text)), summary.sha256());
        assertEquals(text.length(), summary.length());
    }

    @Test
    void aRecordOverTheLimitIsRejected() throws IOException {
        String big = "{\"title\": \"" + "x".repeat(2_000) + "\", \"text\": \"t\", \"date\": \"2023-12-22\"}";
        List<String> seen = read("[" + big + ", " + JsonLinesReaderTest.record(2) + "]");
        assertEquals(List.of("1: too-large: record is 2.0 KiB, over the 1000 bytes limit", "1: Story 2"), seen);
    }
}
