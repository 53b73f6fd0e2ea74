package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index} over an archive of everything that goes wrong in real archives: the files of
 * {@code src/test/resources/badinput/} (copied, so the repository stays clean) plus what cannot
 * live in git: a file over the size limit, a 5 MB article on one line, a symlink loop, an
 * unreadable file and folder, 100 nested folders. One run indexes it all; the tests check exactly
 * what was indexed, what was rejected and why, and what was passed over in silence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    /** Indexed articles: path under the archive to headline. */
    private static final Map<String, String> GOOD = new TreeMap<>(Map.ofEntries(
            Map.entry("-leading-dash.txt", "Leading dash"),
            Map.entry("a/b/c/deep.txt", "Three levels down"),
            Map.entry("bom.txt", "Article with a byte order mark"),
            Map.entry("crlf.txt", "Windows line ends"),
            Map.entry("good.txt", "Good article"),
            Map.entry("latin1.txt", "Caf\u00e9 au lait in S\u00e3o Paulo"),
            Map.entry("name with spaces.txt", "Spaces in the name"),
            Map.entry("x.txt/inner.txt", "In a folder named x.txt"),
            Map.entry("\u00fcn\u00efc\u00f6d\u00e9 \u65b0\u95fb.txt", "Unicode name"),
            Map.entry("UPPER.TXT", "Upper case suffix")));

    /** Rejected files: path under the archive to reason code. */
    private static final Map<String, String> BAD = new TreeMap<>(Map.ofEntries(
            Map.entry("binary.txt", "binary"),
            Map.entry("nul-in-text.txt", "binary"),
            Map.entry("empty.txt", "empty"),
            Map.entry("whitespace.txt", "empty"),
            Map.entry("impossible-date.txt", "impossible-date"),
            Map.entry("unrecognised-date.txt", "unrecognised-date"),
            Map.entry("no-date.txt", "no-date-line"),
            Map.entry("no-text.txt", "no-text")));

    private static final String BIG_ONE_LINE = "big-one-line.txt";
    private static final String TOO_LARGE = "too-large.txt";
    private static final String UNREADABLE_FILE = "unreadable.txt";
    private static final String UNREADABLE_FOLDER = "locked";
    private static final String LOOP = "loop";
    private static final String NESTED;

    static {
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            nested.append(String.format("d%02d/", i));
        }
        NESTED = nested.append("bottom.txt").toString();
    }

    @TempDir
    static Path tmp;

    private Path home;
    private Path dir;
    private Path index;
    private Path reportFile;
    /** Whether this process reads files whatever their permissions (root does). */
    private boolean readsEverything;
    /** Expected outcome of the walk: indexed path to headline, rejected path to reason. */
    private final Map<String, String> indexed = new TreeMap<>(GOOD);
    private final Map<String, String> rejected = new TreeMap<>(BAD);
    private CliRun first;
    private JsonNode summary;

    @BeforeAll
    void buildArchiveAndIndex() throws IOException, URISyntaxException {
        home = Files.createDirectories(tmp.resolve("home"));
        index = tmp.resolve("index");
        reportFile = tmp.resolve("report.jsonl");
        dir = Files.createDirectories(tmp.resolve("archive")).toRealPath();
        copyTree(Path.of(BadInputTest.class.getResource("/badinput").toURI()), dir);
        // What the walk must pass over in silence is really there (hidden entries survive the copy).
        assertTrue(Files.isRegularFile(dir.resolve(".hidden.txt")));
        assertTrue(Files.isRegularFile(dir.resolve(".hidden-dir/inside.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("notes.md")));

        // A 5 MB article on a single line: accepted under --max-file-size 6MiB.
        StringBuilder line = new StringBuilder(" date 2024-01-05 Huge single line article about zebras");
        int n = 0;
        while (line.length() < 5 * 1024 * 1024) {
            line.append(" filler").append(n++ % 1000);
        }
        Files.writeString(dir.resolve(BIG_ONE_LINE), line, StandardCharsets.UTF_8);
        indexed.put(BIG_ONE_LINE, null); // headline checked separately
        // A valid article of ~7 MB: rejected for its size only.
        try (var out = Files.newBufferedWriter(dir.resolve(TOO_LARGE), StandardCharsets.UTF_8)) {
            out.write(" date 2024-01-06 Too large\n\n");
            String paragraph = "Words words words words words words words words words words.\n";
            for (long written = 0; written < 7L * 1024 * 1024; written += paragraph.length()) {
                out.write(paragraph);
            }
        }
        rejected.put(TOO_LARGE, "too-large");

        // A symlink loop: archive/loop -> archive.
        Files.createSymbolicLink(dir.resolve(LOOP), dir);

        // 100 levels of folders with an article at the bottom.
        Path bottom = dir.resolve(NESTED);
        Files.createDirectories(bottom.getParent());
        Files.writeString(bottom, " date 2024-01-07 Bottom of a hundred folders\n\nBody.\n", StandardCharsets.UTF_8);
        indexed.put(NESTED, "Bottom of a hundred folders");

        // An unreadable file and an unreadable folder; root reads them anyway.
        Path unreadable = dir.resolve(UNREADABLE_FILE);
        Files.writeString(unreadable, " date 2024-01-08 Unreadable unless root\n\nBody.\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(unreadable, Set.of());
        Path locked = Files.createDirectories(dir.resolve(UNREADABLE_FOLDER));
        Files.writeString(locked.resolve("inside.txt"), " date 2024-01-09 Inside a locked folder\n\nBody.\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(locked, Set.of());
        readsEverything = canRead(unreadable);
        if (readsEverything) {
            indexed.put(UNREADABLE_FILE, "Unreadable unless root");
            indexed.put(UNREADABLE_FOLDER + "/inside.txt", "Inside a locked folder");
        } else {
            rejected.put(UNREADABLE_FILE, "unreadable");
            rejected.put(UNREADABLE_FOLDER, "unreadable");
        }

        first = indexArchive(reportFile);
        summary = first.json();
    }

    @AfterAll
    void restorePermissions() throws IOException {
        // so that @TempDir can delete them
        Files.setPosixFilePermissions(dir.resolve(UNREADABLE_FOLDER), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir.resolve(UNREADABLE_FILE), PosixFilePermissions.fromString("rw-------"));
    }

    private CliRun indexArchive(Path report) {
        return CliRun.run(home, "--index", index.toString(), "index", "--no-entities", "--format", "json",
                "--max-file-size", "6MiB", "--report", report.toString(), dir.toString());
    }

    @Test
    @Order(1)
    void exitCodeAndSummaryCountEveryOutcome() {
        first.expect(3).assertNoStackTrace();
        assertEquals(indexed.size(), summary.get("added").asLong(), summary::toPrettyString);
        assertEquals(0, summary.get("updated").asLong());
        assertEquals(0, summary.get("unchanged").asLong());
        assertEquals(0, summary.get("deleted").asLong());
        assertEquals(rejected.size(), summary.get("rejected").asLong(), summary::toPrettyString);
        assertEquals(indexed.size(), summary.get("articles").asLong());
        assertEquals(1, summary.get("skipped").asLong(), "the symlink loop, nothing else");
        Map<String, Long> byReason = new TreeMap<>();
        rejected.values().forEach(reason -> byReason.merge(reason, 1L, Long::sum));
        Map<String, Long> actual = new TreeMap<>();
        summary.get("rejected_by_reason").fields().forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asLong()));
        assertEquals(byReason, actual);
    }

    @Test
    @Order(2)
    void exactlyTheGoodArticlesAreIndexed() {
        JsonNode all = search("*:*");
        assertEquals(indexed.size(), all.get("total").asLong());
        assertEquals(indexed.keySet(), hitPaths(all).keySet());
        Map<String, String> headlines = hitPaths(all);
        indexed.forEach((path, headline) -> {
            if (headline != null) {
                assertEquals(headline, headlines.get(path), path);
            }
        });
    }

    @Test
    @Order(3)
    void rejectedFilesHaveExactlyTheExpectedReasons() {
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode file : summary.get("rejected_files")) {
            String path = relative(file.get("path").asText());
            assertEquals(null, actual.put(path, file.get("reason").asText()), "listed twice: " + path);
            assertFalse(file.get("detail").asText().isBlank(), path);
        }
        assertEquals(rejected, actual);
        Map<String, String> details = rejectedDetails();
        assertEquals("file is 7.0 MiB, over the 6.0 MiB limit", details.get(TOO_LARGE));
        assertEquals("binary content (NUL byte at offset 8)", details.get("binary.txt"));
        assertTrue(details.get("nul-in-text.txt").startsWith("binary content (NUL byte at offset "));
        assertEquals("empty file", details.get("empty.txt"));
        assertEquals("only whitespace", details.get("whitespace.txt"));
        assertEquals("no text after the date", details.get("no-text.txt"));
        if (!readsEverything) {
            assertEquals("unreadable: permission denied", details.get(UNREADABLE_FILE));
            assertEquals("unreadable: permission denied", details.get(UNREADABLE_FOLDER));
        }
    }

    @Test
    @Order(4)
    void stderrListsEachRejectedFileOnceAndTheLoopAsSkipped() {
        List<String> rejectedLines = new ArrayList<>();
        List<String> skippedLines = new ArrayList<>();
        for (String line : first.errLines()) {
            if (line.startsWith("rejected ")) {
                rejectedLines.add(line);
            } else if (line.startsWith("skipped ")) {
                skippedLines.add(line);
            } else {
                throw new AssertionError("unexpected stderr line: " + line + "\n--- stderr:\n" + first.err());
            }
        }
        Set<String> expected = new TreeSet<>();
        rejectedDetails().forEach((path, detail) -> expected.add("rejected " + dir.resolve(path) + ": " + detail));
        assertEquals(rejected.size(), rejectedLines.size(), first::err);
        assertEquals(expected, new TreeSet<>(rejectedLines));
        assertEquals(List.of("skipped " + dir.resolve(LOOP) + ": symlink loop"), skippedLines);
    }

    @Test
    @Order(5)
    void hiddenEntriesAndOtherSuffixesAreNeitherIndexedNorRejected() {
        Set<String> seen = new TreeSet<>(hitPaths(search("*:*")).keySet());
        for (JsonNode file : summary.get("rejected_files")) {
            seen.add(relative(file.get("path").asText()));
        }
        for (String path : seen) {
            assertFalse(path.startsWith(".") || path.contains("/."), path);
            assertFalse(path.endsWith(".md"), path);
        }
        assertFalse(first.err().contains(".hidden"), first::err);
        assertFalse(first.err().contains("notes.md"), first::err);
        assertEquals(0, search("headline:hidden").get("total").asLong());
        assertEquals(0, search("headline:\"not a txt file\"").get("total").asLong());
    }

    @Test
    @Order(6)
    void aFolderNamedLikeAnArticleIsWalked() {
        JsonNode article = show("x.txt/inner.txt");
        assertEquals("In a folder named x.txt", article.get("headline").asText());
        assertFalse(rejectedDetails().containsKey("x.txt"), "the folder x.txt is not a rejected file");
    }

    @Test
    @Order(7)
    void latin1IsDecodedAsWindows1252() {
        JsonNode article = show("latin1.txt");
        assertEquals("Caf\u00e9 au lait in S\u00e3o Paulo", article.get("headline").asText());
        assertEquals("The \u201cquoted\u201d price rose.", article.get("body").asText());
        assertEquals(1, search("headline:caf\u00e9").get("total").asLong());
    }

    @Test
    @Order(8)
    void byteOrderMarkAndCrlfLeaveCleanText() {
        JsonNode bom = show("bom.txt");
        assertEquals("2023-12-24", bom.get("date").asText());
        assertEquals("Article with a byte order mark", bom.get("headline").asText());
        assertEquals("Body.", bom.get("body").asText());
        JsonNode crlf = show("crlf.txt");
        assertEquals("2023-12-25", crlf.get("date").asText());
        assertEquals("Windows line ends", crlf.get("headline").asText());
        assertEquals(List.of("First paragraph.", "Second paragraph."), texts(crlf.get("paragraphs")));
        for (JsonNode article : List.of(bom, crlf)) {
            String text = article.get("headline").asText() + article.get("body").asText();
            assertFalse(text.contains("\r"), article::toPrettyString);
            assertFalse(text.contains("\uFEFF"), article::toPrettyString);
        }
    }

    @Test
    @Order(9)
    void unusualNamesAreIndexedUnderTheirOwnPaths() {
        for (String name : List.of("name with spaces.txt", "\u00fcn\u00efc\u00f6d\u00e9 \u65b0\u95fb.txt",
                "-leading-dash.txt", "UPPER.TXT")) {
            JsonNode article = show(name);
            assertEquals(dir.resolve(name).toString(), article.get("path").asText());
            assertEquals(GOOD.get(name), article.get("headline").asText());
        }
    }

    @Test
    @Order(10)
    void aLeadingDashPathNamedDirectly() throws IOException {
        Path file = dir.resolve("-leading-dash.txt");
        // after "--", and without it when the path is absolute
        for (List<String> args : List.of(List.of("--", file.toString()), List.of(file.toString()))) {
            Path otherIndex = Files.createTempDirectory(tmp, "dash-index");
            List<String> all = new ArrayList<>(List.of("--index", otherIndex.toString(), "index", "--no-entities",
                    "--format", "json"));
            all.addAll(args);
            CliRun run = CliRun.run(home, all.toArray(String[]::new)).expect(0).assertQuiet();
            assertEquals(1, run.json().get("added").asLong(), run::out);
            CliRun found = CliRun.run(home, "--index", otherIndex.toString(), "show", "--format", "json",
                    CliRun.idOf(file)).expect(0);
            assertEquals("Leading dash", found.json().get("headline").asText());
        }
        // A relative "-leading-dash.txt", after "--" or not, is a path (here one that does not exist
        // in the working directory), not an option: exit 2, one line naming it.
        Path otherIndex = Files.createTempDirectory(tmp, "dash-index");
        String line = CliRun.run(home, "--index", otherIndex.toString(), "index", "--", "-leading-dash.txt")
                .expect(2).oneErrorLine();
        assertEquals("newsarchive: no such file or directory: -leading-dash.txt", line);
        line = CliRun.run(home, "--index", otherIndex.toString(), "index", "-leading-dash.txt").expect(2).oneErrorLine();
        assertTrue(line.startsWith("newsarchive: "), line);
        line = CliRun.run(home, "--index", otherIndex.toString(), "index", dir.resolve("good.txt").toString(),
                "-leading-dash.txt").expect(2).oneErrorLine();
        assertEquals("newsarchive: no such file or directory: -leading-dash.txt", line);
    }

    @Test
    void aLoneLeadingDashArgumentIsNamedInTheError() throws IOException {
        Path otherIndex = Files.createTempDirectory(tmp, "dash-index");
        String line = CliRun.run(home, "--index", otherIndex.toString(), "index", "-leading-dash.txt")
                .expect(2).oneErrorLine();
        assertEquals("newsarchive: no such file or directory: -leading-dash.txt", line);
    }

    @Test
    @Order(11)
    void theSymlinkLoopIsSkippedNotFollowedForever() {
        for (JsonNode hit : search("*:*").get("hits")) {
            assertFalse(hit.get("path").asText().contains("/" + LOOP + "/"), hit::toPrettyString);
        }
        assertTrue(first.err().contains("skipped " + dir.resolve(LOOP) + ": symlink loop"), first::err);
    }

    @Test
    @Order(12)
    void anArticleAHundredFoldersDownIsIndexed() {
        JsonNode article = show(NESTED);
        assertEquals("Bottom of a hundred folders", article.get("headline").asText());
        assertEquals(dir.resolve(NESTED).toString(), article.get("path").asText());
    }

    @Test
    @Order(13)
    void aFiveMegabyteOneLineArticleIsIndexed() throws IOException {
        JsonNode article = show(BIG_ONE_LINE);
        String headline = article.get("headline").asText();
        assertTrue(headline.startsWith("Huge single line article about zebras filler0 filler1"), headline);
        assertTrue(headline.endsWith("\u2026") && headline.length() <= 161, headline);
        assertEquals(Files.size(dir.resolve(BIG_ONE_LINE)), article.get("size_bytes").asLong());
        assertEquals(CliRun.sha256Hex(Files.readAllBytes(dir.resolve(BIG_ONE_LINE))), article.get("sha256").asText());
        assertEquals(1, search("zebras").get("total").asLong());
        assertEquals(1, search("filler999").get("total").asLong());
    }

    @Test
    @Order(14)
    void theReportFileHoldsOneJsonLinePerRejectedFile() throws IOException {
        List<String> lines = Files.readAllLines(reportFile, StandardCharsets.UTF_8);
        assertEquals(rejected.size(), lines.size(), () -> String.join("\n", lines));
        Map<String, String> reasons = new TreeMap<>();
        Map<String, String> details = new TreeMap<>();
        for (String line : lines) {
            JsonNode node = readJson(line);
            assertEquals(Set.of("path", "reason", "detail"), fieldNames(node), line);
            String path = relative(node.get("path").asText());
            reasons.put(path, node.get("reason").asText());
            details.put(path, node.get("detail").asText());
        }
        assertEquals(rejected, reasons);
        assertEquals(rejectedDetails(), details);
    }

    @Test
    @Order(15)
    void unreadableFilesAndFoldersAreRejectedUnlessRoot() {
        Map<String, String> details = rejectedDetails();
        if (readsEverything) {
            // root reads everything: the files are plain articles then
            assertEquals("Unreadable unless root", show(UNREADABLE_FILE).get("headline").asText());
            assertEquals("Inside a locked folder", show(UNREADABLE_FOLDER + "/inside.txt").get("headline").asText());
        } else {
            assertEquals("unreadable: permission denied", details.get(UNREADABLE_FILE));
            assertEquals("unreadable: permission denied", details.get(UNREADABLE_FOLDER));
        }
    }

    @Test
    @Order(100)
    void aSecondRunChangesNothingAndRejectsTheSameFilesAgain() throws IOException {
        JsonNode before = search("*:*");
        Path secondReport = tmp.resolve("report2.jsonl");
        CliRun again = indexArchive(secondReport).expect(3).assertNoStackTrace();
        JsonNode second = again.json();
        assertEquals(0, second.get("added").asLong(), second::toPrettyString);
        assertEquals(0, second.get("updated").asLong());
        assertEquals(0, second.get("deleted").asLong());
        assertEquals(indexed.size(), second.get("unchanged").asLong());
        assertEquals(indexed.size(), second.get("articles").asLong());
        assertEquals(summary.get("rejected_files"), second.get("rejected_files"));
        assertEquals(summary.get("rejected_by_reason"), second.get("rejected_by_reason"));
        assertEquals(summary.get("skipped"), second.get("skipped"));
        assertEquals(new TreeSet<>(first.errLines()), new TreeSet<>(again.errLines()));
        assertEquals(Files.readAllLines(reportFile).stream().sorted().toList(),
                Files.readAllLines(secondReport).stream().sorted().toList());
        JsonNode after = search("*:*");
        assertEquals(hitPaths(before), hitPaths(after));
        assertEquals(ids(before), ids(after));
    }

    // ---------------------------------------------------------------------------------------------

    private JsonNode search(String query) {
        CliRun run = CliRun.run(home, "--index", index.toString(), "search", "--format", "json", "--limit", "1000",
                query).expect(0);
        run.assertQuiet();
        return run.json();
    }

    private JsonNode show(String relativePath) {
        String id = CliRun.idOf(dir.resolve(relativePath));
        CliRun run = CliRun.run(home, "--index", index.toString(), "show", "--format", "json", id).expect(0);
        run.assertQuiet();
        JsonNode article = run.json();
        assertEquals(dir.resolve(relativePath).toString(), article.get("path").asText());
        return article;
    }

    /** Hits of a JSON result: path under the archive to headline. */
    private Map<String, String> hitPaths(JsonNode result) {
        Map<String, String> paths = new TreeMap<>();
        for (JsonNode hit : result.get("hits")) {
            String path = relative(hit.get("path").asText());
            assertEquals(null, paths.put(path, hit.get("headline").asText()), "hit twice: " + path);
        }
        return paths;
    }

    private static Set<String> ids(JsonNode result) {
        Set<String> ids = new TreeSet<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    /** The first run's rejected files: path under the archive to detail. */
    private Map<String, String> rejectedDetails() {
        Map<String, String> details = new HashMap<>();
        for (JsonNode file : summary.get("rejected_files")) {
            details.put(relative(file.get("path").asText()), file.get("detail").asText());
        }
        return details;
    }

    private String relative(String absolute) {
        Path path = Path.of(absolute);
        assertTrue(path.startsWith(dir), () -> absolute + " is not under " + dir);
        return dir.relativize(path).toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode readJson(String text) throws IOException {
        return CliRun.MAPPER.readTree(text);
    }

    private static boolean canRead(Path file) {
        try {
            Files.readAllBytes(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(folder).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.write(to.resolve(from.relativize(file).toString()), Files.readAllBytes(file),
                        StandardOpenOption.CREATE_NEW);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
