package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ner lexicon --gazetteer}: name lists filtered by the corpus's casing, as G lines. */
class NerGazetteerCommandTest {

    @TempDir
    Path dir;

    private CliRun lexicon(Path gazetteer, Path out) throws IOException {
        Path conll = NerCommandTest.tinyConll(dir);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), " date 1987-02-26 SMITH VISITS PARIS\n\n"
                + "John Smith visited Paris on Monday. Mary Jones will visit London. They will stay in Paris.\n");
        return CliRun.run(dir, "ner", "lexicon", "--conll", conll.toString(), "--corpus", corpus.toString(),
                "--gazetteer", gazetteer.toString(), "--out", out.toString(),
                "--clusters", "2", "--min-count", "1", "--iterations", "2");
    }

    @Test
    void addsTheEntriesThatPassTheFilterAsGLines() throws IOException {
        Path gazetteer = Files.writeString(dir.resolve("names.tsv"), """
                city\tA B C D E F G
                city\tParis
                country\tRuritania
                first\tMary
                first\tWill
                """);
        Path out = dir.resolve("lexicon.txt");
        CliRun run = lexicon(gazetteer, out);
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(7, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("wrote " + out
                + ": 21 clustered words, 9 casing entries, 3 gazetteer phrases, from 4 corpus sentences ("), lines.get(0));
        assertEquals(List.of(
                "gazetteer " + gazetteer + ":",
                "category          read  dropped:casing  dropped:length      kept",
                "city                 2               0               1         1",
                "country              1               0               0         1",
                "first                2               1               0         1",
                "all                  5               1               1         3"), lines.subList(1, 7));
        List<String> gLines = Files.readAllLines(out).stream().filter(l -> l.startsWith("G\t")).toList();
        assertEquals(List.of("G\tmary\tfirst", "G\tparis\tcity", "G\truritania\tcountry"), gLines);
        assertTrue(Files.readAllLines(out).contains("K\twill\t0"), "will is written in lower case");
    }

    @Test
    void aMalformedListIsAUsageErrorNamingFileAndLine() throws IOException {
        Path gazetteer = Files.writeString(dir.resolve("bad.tsv"), "city\tParis\ncity Lyon\n");
        Path out = dir.resolve("lexicon.txt");
        CliRun run = lexicon(gazetteer, out);
        assertEquals(ExitCodes.USAGE, run.code());
        assertEquals("newsarchive: " + gazetteer + ":2: expected CATEGORY<TAB>PHRASE, found no tab: 'city Lyon'\n",
                run.err());
        assertEquals("", run.out());
        assertTrue(Files.notExists(out));

        Path missing = dir.resolve("missing.tsv");
        CliRun none = lexicon(missing, out);
        assertEquals(ExitCodes.USAGE, none.code());
        assertEquals("newsarchive: " + missing + ": no such file\n", none.err());
    }
}
