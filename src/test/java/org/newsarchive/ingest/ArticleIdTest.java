package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArticleIdTest {

    /** An independent computation of the id, for paths that differ per run (temporary folders). */
    static String expectedId(Path path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void knownValues() {
        // printf '%s' "/archive/2023/12/article.txt" | sha256sum | cut -c1-16
        assertEquals("955d56af14822aab", ArticleId.of(Path.of("/archive/2023/12/article.txt")));
        assertEquals("01fdb6a1c343e6b4", ArticleId.of(Path.of("/archive/1987/02/reuters-1.txt")));
    }

    @Test
    void nonAsciiPathsAreHashedAsUtf8() {
        assertEquals("12e3da22e28d590f", ArticleId.of(Path.of("/archive/café/été.txt")));
    }

    @Test
    void idIsSixteenLowerCaseHexCharacters() {
        String id = ArticleId.of(Path.of("/x"));
        assertEquals(ArticleId.LENGTH, id.length());
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertEquals(expectedId(Path.of("/x")), id);
    }

    @Test
    void differentSpellingsOfAPathAreDifferentIdsSoCallersMustPassRealPaths() {
        assertNotEquals(ArticleId.of(Path.of("/archive/a.txt")), ArticleId.of(Path.of("/archive/./a.txt")));
        assertEquals(ArticleId.of(Path.of("/archive/a.txt")), ArticleId.of(Path.of("/archive//a.txt")));
    }

    @Test
    void nullPathIsRejected() {
        assertThrows(NullPointerException.class, () -> ArticleId.of(null));
    }
}
