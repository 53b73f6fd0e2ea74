package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks against the shared real data: the seed article and the Reuters-21578 corpus. Skipped
 * when the shared folder is absent (its location comes from the {@code newsarchive.shared}
 * system property, which the build sets).
 */
class RealCorpusTest {

    static final Path SHARED = Path.of(System.getProperty("newsarchive.shared", "../shared"));
    static final Path SEED = SHARED.resolve("seeds/000_ec52301a8b636dd9.txt");
    static final Path REUTERS = SHARED.resolve("data/reuters-articles");

    final ArticleParser parser = new ArticleParser();

    static Path existing(Path path) throws IOException {
        Assumptions.assumeTrue(Files.exists(path), () -> path + " is absent");
        return path.toRealPath();
    }

    @Test
    void seedArticle() throws IOException {
        Path seed = existing(SEED);
        Article a = assertInstanceOf(ParseOutcome.Parsed.class, parser.parse(seed)).article();
        assertEquals(LocalDate.of(2023, 12, 22), a.date());
        assertNull(a.time());
        // The first paragraph is one line but over 200 characters, so it is a lede, not a title; its
        // first sentence is 265 characters long and is cut at the last word boundary before 160.
        assertEquals("A senior Chinese military officer held a video conference with a US counterpart on Thursday"
                + " night (21) to discuss issues such as Taiwan and the South China Sea,…", a.headline());
        assertEquals(10, a.paragraphs().size());
        assertTrue(a.body().startsWith("A senior Chinese military officer held a video conference"));
        assertTrue(a.body().endsWith("new episodes of mutual sanctions, among other issues."));
        assertEquals("Liu Zhenli, a member of China's Central Military Commission and head of the Joint Chiefs of"
                + " Staff Department, told US Joint Chiefs of Staff Chairman Charles Brown that the two militaries"
                + " should “conduct communication and cooperation on the basis of equality and respect” to"
                + " “jointly promote the stabilization and improvement of bilateral relations”.",
                a.paragraphs().get(1));
        assertEquals(seed, a.path());
        assertEquals(ArticleIdTest.expectedId(seed), a.id());
        assertEquals(2668, a.sizeBytes());
        assertEquals("679d9a402f8717291f127608b14d44c5e8a072c09f8d97ac7d25187c564ba971", a.sha256());
        assertEquals(394, a.wordCount());
    }

    @Test
    void firstReutersArticle() throws IOException {
        Path file = existing(REUTERS.resolve("1987/02/reuters-1.txt"));
        Article a = assertInstanceOf(ParseOutcome.Parsed.class, parser.parse(file)).article();
        assertEquals("BAHIA COCOA REVIEW", a.headline());
        assertEquals(LocalDate.of(1987, 2, 26), a.date());
        assertNull(a.time());
        assertEquals(17, a.paragraphs().size());
        assertEquals("Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since"
                + " early January and improving prospects for the coming temporao, although normal humidity levels"
                + " have not been restored, Comissaria Smith said in its weekly review.", a.paragraphs().get(0));
        assertEquals("Final figures for the period to February 28 are expected to be published by the Brazilian"
                + " Cocoa Trade Commission after carnival which ends midday on February 27.", a.paragraphs().get(16));
        assertEquals(file, a.path());
        assertEquals(ArticleIdTest.expectedId(file), a.id());
        assertEquals(2841, a.sizeBytes());
        assertEquals("06e2f2e12da485647f541ace82ab68b9b26d89e660f51ce46f2b1b7e5a39b90e", a.sha256());
        assertEquals(489, a.wordCount());
    }

    @Test
    void everyReutersArticleParses() throws IOException {
        Path root = existing(REUTERS);
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long walkStart = System.nanoTime();
        new ArchiveWalker().walk(root, new ArchiveVisitor() {
            @Override
            public void file(Path realPath) {
                if (SourceFormat.of(realPath) == SourceFormat.ARTICLE_TEXT) {
                    files.add(realPath); // the folder also holds the editors' tags, as JSON lines
                }
            }

            @Override
            public void rejected(ParseOutcome.Rejected rejected) {
                problems.add(rejected.message());
            }

            @Override
            public void skipped(Path path, String why) {
                problems.add(path + ": " + why);
            }
        });
        long walkNanos = System.nanoTime() - walkStart;
        assertEquals(List.of(), problems);
        assertEquals(20_841, files.size());

        long parseStart = System.nanoTime();
        int parsed = 0;
        List<String> rejected = new ArrayList<>();
        int titles = 0;
        for (Path file : files) {
            ParseOutcome outcome = parser.parse(file);
            if (outcome instanceof ParseOutcome.Parsed p) {
                parsed++;
                if (!p.article().body().startsWith(p.article().headline())) {
                    titles++;
                }
            } else {
                rejected.add(((ParseOutcome.Rejected) outcome).message());
            }
        }
        long parseNanos = System.nanoTime() - parseStart;
        assertEquals(List.of(), rejected.subList(0, Math.min(10, rejected.size())));
        assertEquals(20_841, parsed);
        assertEquals(0, rejected.size());
        // Every Reuters story with a body has its title on the date line; 1,798 stories are a title alone.
        assertEquals(19_043, titles);
        System.out.printf("Reuters: walked %d files in %d ms, parsed them in %d ms%n",
                files.size(), walkNanos / 1_000_000, parseNanos / 1_000_000);
    }
}
