package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerLexiconTest {

    private static final String HEADER = "newsarchive-ner-lexicon 1\n";

    private static NerLexicon read(String text) throws IOException {
        return NerLexicon.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] written(NerLexicon lexicon) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lexicon.write(out);
        return out.toByteArray();
    }

    @Test
    void readsWhatItWroteLettersBeyondLatin1Included() throws IOException {
        NerLexicon lexicon = new NerLexicon.Builder()
                .cluster("Zürich", "12", "140").cluster("Łódź", "12", "007").cluster("x", "0", "x1")
                .casing("zürich", 4).casing("the", 0)
                .phrase("ḩadīthah", "city").phrase("new york", "city").phrase("new york", "place")
                .build();
        byte[] bytes = written(lexicon);
        NerLexicon again = NerLexicon.read(new ByteArrayInputStream(bytes));
        assertArrayEquals(bytes, written(again));
        assertArrayEquals(new String[] {"12", "007"}, again.clusters("Łódź"));
        assertArrayEquals(new String[] {"0", "x1"}, again.clusters("x"));
        assertEquals(4, again.casing("zürich"));
        assertArrayEquals(new String[] {"city"}, again.gazetteer("ḩadīthah"));
        assertArrayEquals(new String[] {"city", "place"}, again.gazetteer("new york"));
        PhraseTrie.Match match = again.longestPhrase(new String[] {"in", "new", "york", "."}, 1);
        assertEquals(2, match.length());
        assertEquals(2, again.maxPhraseLength());
    }

    @Test
    void repeatedValuesAreOneString() throws IOException {
        NerLexicon lexicon = read(HEADER + "levels\t2\nC\tParis\t1\t10\nC\tLondon\t1\t10\n"
                + "G\tparis\tcity\nG\tlondon\tcity\n");
        assertSame(lexicon.clusters("Paris")[0], lexicon.clusters("London")[0]);
        assertSame(lexicon.clusters("Paris")[1], lexicon.clusters("London")[1]);
        assertSame(lexicon.gazetteer("paris")[0], lexicon.gazetteer("london")[0]);
        assertNull(lexicon.clusters("Rome"));
        assertEquals(-1, lexicon.casing("rome"));
    }

    @Test
    void aMalformedLineIsAnIoErrorNamingIt() {
        String[][] cases = {
            {"levels\t1\nC\tParis\t1\nQ\tx\n", "NER lexicon line 4: unknown record 'Q'"},
            {"levels\t1\nK\tparis\n", "NER lexicon line 3: a number is missing or malformed"},
            {"levels\t1\nK\tparis\tmany\n", "NER lexicon line 3: a number is missing or malformed"},
            {"levels\tx\n", "NER lexicon line 2: a number is missing or malformed"},
            {"levels\t1\nno tab here\n", "NER lexicon line 3: no tab"},
            {"levels\t2\nC\tParis\t1\n", "NER lexicon: expected 2 cluster levels, got 1"},
        };
        for (String[] c : cases) {
            IOException e = assertThrows(IOException.class, () -> read(HEADER + c[0]), c[0]);
            assertEquals(c[1], e.getMessage());
        }
        IOException header = assertThrows(IOException.class, () -> read("nope\nlevels\t1\n"));
        assertEquals("not an NER lexicon: first line 'nope'", header.getMessage());
    }

    @Test
    void aLexiconReadInTheBackgroundReportsAMalformedTextWhenAwaited() throws IOException {
        NerLexicon good = NerLexicon.readInBackground(new ByteArrayInputStream(
                (HEADER + "levels\t1\nC\tParis\t3\n").getBytes(StandardCharsets.UTF_8)));
        good.awaitRead();
        assertArrayEquals(new String[] {"3"}, good.clusters("Paris"));

        NerLexicon bad = NerLexicon.readInBackground(new ByteArrayInputStream(
                (HEADER + "levels\t1\nZ\tParis\n").getBytes(StandardCharsets.UTF_8)));
        IOException e = assertThrows(IOException.class, bad::awaitRead);
        assertEquals("NER lexicon line 3: unknown record 'Z'", e.getMessage());
        assertThrows(UncheckedIOException.class, () -> bad.clusters("Paris"));
        assertThrows(IOException.class, () -> NerLexicon.readInBackground(
                new ByteArrayInputStream("nope\n".getBytes(StandardCharsets.UTF_8))), "the header is checked at once");
    }

    @Test
    void aModelWithAMalformedLexiconFailsToLoadNotToTag(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.bin");
        NerTrainer.write(NerTrainer.train(NerTrainerTest.tinyTrainingSet(), NerTrainerTest.tinyLexicon(),
                NerTrainerTest.quick()), good);
        Path bad = dir.resolve("bad.bin");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(NerFeatureGeneratorFactory.LEXICON_ARTIFACT)) {
                    bytes = (HEADER + "levels\t2\nC\tParis\t1\n").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        IOException e = assertThrows(IOException.class, () -> OpenNlpMentionRecognizer.load(bad));
        assertEquals("NER lexicon: expected 2 cluster levels, got 1", e.getMessage());
        assertEquals(2, OpenNlpMentionRecognizer.load(good).recognize("John Smith visited London.").size());
    }
}
