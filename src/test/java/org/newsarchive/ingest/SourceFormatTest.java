package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceFormatTest {

    @ParameterizedTest
    @CsvSource({
        "a.txt, ARTICLE_TEXT", "A.TXT, ARTICLE_TEXT", "a.txt.gz, ARTICLE_TEXT",
        "a.json, JSON", "a.JSON.GZ, JSON",
        "a.jsonl, JSON_LINES", "a.ndjson, JSON_LINES", "a.jsonl.gz, JSON_LINES",
    })
    void formatsAreToldByName(String name, SourceFormat expected) {
        assertEquals(expected, SourceFormat.ofName(name));
    }

    @Test
    void otherNamesAreNotArchiveFiles() {
        assertNull(SourceFormat.ofName("notes.md"));
        assertNull(SourceFormat.ofName("data.gz"));
        assertNull(SourceFormat.ofName("json"));
        assertEquals(SourceFormat.ARTICLE_TEXT, SourceFormat.of(Path.of("/named/by/user"))); // as before
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void compressedFilesAreReadDecompressed(@TempDir Path dir) throws IOException {
        byte[] text = "{\"a\": 1}\n{\"a\": 2}\n".getBytes(StandardCharsets.UTF_8);
        Path gz = dir.resolve("x.jsonl.gz");
        // Two gzip members one after the other, as `gzip -c more >> x.jsonl.gz` appends.
        byte[] both = new ByteArrayOutputStream() {
            {
                writeBytes(gzip(text));
                writeBytes(gzip(text));
            }
        }.toByteArray();
        Files.write(gz, both);
        assertTrue(SourceFormat.isCompressed(gz));
        try (InputStream in = SourceFormat.open(gz)) {
            assertEquals(new String(text, StandardCharsets.UTF_8) + new String(text, StandardCharsets.UTF_8),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path plain = dir.resolve("x.jsonl");
        Files.write(plain, text);
        assertFalse(SourceFormat.isCompressed(plain));
        try (InputStream in = SourceFormat.open(plain)) {
            assertArrayEquals(text, in.readAllBytes());
        }
    }

    @Test
    void gunzipStopsOneBytePastTheLimit() throws IOException {
        byte[] big = new byte[10_000];
        assertEquals(101, SourceFormat.gunzip(gzip(big), 100).length);
        assertEquals(10_000, SourceFormat.gunzip(gzip(big), 1_000_000).length);
    }
}
