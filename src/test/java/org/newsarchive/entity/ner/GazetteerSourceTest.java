package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerSourceTest {

    @TempDir
    Path dir;

    private static String error(String text) {
        return assertThrows(GazetteerFormatException.class,
                () -> GazetteerSource.read(new BufferedReader(new StringReader(text)), "names.tsv")).getMessage();
    }

    @Test
    void readsCategoriesAndPhrasesAsWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("names.tsv"),
                "city\tBuenos Aires\ncity\tZürich\nfirst\tJune\norg\tG-77\r\ncountry\tCote d'Ivoire\n");
        assertEquals(List.of(
                new GazetteerEntry("city", "Buenos Aires"),
                new GazetteerEntry("city", "Zürich"),
                new GazetteerEntry("first", "June"),
                new GazetteerEntry("org", "G-77"),
                new GazetteerEntry("country", "Cote d'Ivoire")), GazetteerSource.read(file));
    }

    @Test
    void malformedLinesNameTheFileAndTheLine() {
        assertEquals("names.tsv:2: expected CATEGORY<TAB>PHRASE, found no tab: 'city Paris'",
                error("city\tLondon\ncity Paris\n"));
        assertEquals("names.tsv:1: expected CATEGORY<TAB>PHRASE, found more than one tab: 'city\tParis\tFrance'",
                error("city\tParis\tFrance\n"));
        assertEquals("names.tsv:3: empty phrase", error("city\tLondon\ncity\tParis\ncity\t  \n"));
        assertEquals("names.tsv:1: empty category", error("\tParis\n"));
        assertEquals("names.tsv:1: category 'big city' has white space in it", error("big city\tParis\n"));
        assertEquals("names.tsv:2: expected CATEGORY<TAB>PHRASE, found no tab: ''", error("city\tParis\n\n"));
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path file = dir.resolve("latin1.tsv");
        Files.write(file, new byte[] {'c', 'i', 't', 'y', '\t', 'O', 'k', '\n', 'c', 'i', 't', 'y', '\t', 'Z', (byte) 0xfc, '\n'});
        GazetteerFormatException e = assertThrows(GazetteerFormatException.class, () -> GazetteerSource.read(file));
        assertEquals(file + ":2: not valid UTF-8", e.getMessage());
    }
}
