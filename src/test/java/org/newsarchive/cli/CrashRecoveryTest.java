package org.newsarchive.cli;

import org.newsarchive.schema.ArticleFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash and concurrency guarantees, tested for real: the CLI runs in a child JVM that is
 * killed with SIGKILL in the middle of {@code index} or {@code reindex}, or that keeps writing
 * while this JVM searches the same index and tries to write it too.
 *
 * <blockquote>kill -9 at any moment during {@code index} or {@code reindex}: the index still
 * opens, {@code search} works, and the next {@code index} run completes the work with no
 * duplicated and no missing article. A second writer on the same index gets a clear one-line
 * error (exit 4) instead of a stack trace; {@code search}, {@code show}, {@code stats} work while
 * another process indexes.</blockquote>
 *
 * <p>A kill only proves something when it lands while the child is still working, so every kill
 * asserts that the child died of the signal (exit 137), not of old age; when the machine is so
 * fast that the child finished first, the scenario is retried with a corpus twice as large.
 */
@Tag("slow")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGKILL semantics, /dev/null and exit code 137 are POSIX")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    /** What {@code Process.exitValue()} reports for a child killed by SIGKILL (128 + 9). */
    private static final int KILLED = 137;

    /** Corpus size of the first attempt; doubled on each retry. */
    private static final int FIRST_SIZE = 3000;

    /**
     * Corpus size of the concurrency test, whose child indexes on one thread: long enough for the
     * in-process commands to run while it writes (about 3 s on an idle 2-core machine).
     */
    private static final int CONCURRENT_SIZE = 4000;

    private static final int ATTEMPTS = 3;

    /** Bound on every wait for a child, so a hang fails the test instead of the build. */
    private static final Duration CHILD_WAIT = Duration.ofSeconds(45);

    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------
    // kill -9 during index
    // ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void killDuringIndexLeavesASearchableIndexAndTheNextRunCompletesItExactly() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        int size = FIRST_SIZE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++, size *= 2) {
            Path dir = Files.createDirectories(tmp.resolve("index-attempt-" + attempt));
            Path index = dir.resolve("index");
            Corpus corpus = new Corpus(dir.resolve("corpus")).add(size);
            Child child = start(dir, "--index", index.toString(), "index", "--no-entities", "--quiet",
                    "--threads", "2", "--commit-every", "100", corpus.root.toString());

            // two commits after the first: the run is well under way, with work committed and work not
            boolean underWay = child.awaitWhileRunning(() -> commitGeneration(index) >= 3);
            long generationAtKill = commitGeneration(index);
            int exit = child.kill();
            if (!underWay || exit != KILLED) {
                child.assertFinishedNormally(exit);
                log("index kill, attempt %d: the child finished (exit %d) before the kill, %,d files in %d ms;"
                        + " retrying with twice the files", attempt, exit, size, child.millis());
                continue;
            }
            log("index kill, attempt %d: SIGKILL landed %d ms after start, at commit generation %d, %,d files",
                    attempt, child.millis(), generationAtKill, size);
            long committed = afterKilledIndex(home, index, corpus);
            log("index kill: %,d of %,d articles were committed before the kill; the next run added the other %,d",
                    committed, size, size - committed);
            return;
        }
        fail("the child finished indexing before it could be killed in all " + ATTEMPTS
                + " attempts (last corpus " + size / 2 + " files): the test proved nothing; make the corpus bigger");
    }

    /** The checks after a killed index run; returns how many articles the killed run had committed. */
    private long afterKilledIndex(Path home, Path index, Corpus corpus) throws IOException {
        int n = corpus.size();
        String idx = index.toString();

        // the index opens and search works: some articles, not all
        CliRun search = CliRun.run(home, "--index", idx, "search", "*:*", "--limit", "0", "--format", "json")
                .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
        long committed = search.json().get("total").asLong();
        assertTrue(committed >= 1 && committed <= n - 1,
                "after the kill the index should hold some but not all of the " + n + " articles, holds " + committed);

        // what is committed is whole: no article twice, each one a file of the corpus
        IndexContents partial = IndexContents.of(index);
        assertEquals(committed, partial.numDocs(), "search total vs the index's live documents");
        partial.assertNoDuplicates();
        assertTrue(corpus.ids().containsAll(partial.distinctIds()), "the killed run indexed ids of no corpus file");

        CliRun stats = CliRun.run(home, "--index", idx, "stats", "--format", "json")
                .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
        assertEquals(committed, stats.json().get("articles").asLong(), "stats after the kill:\n" + stats.out());

        // check: Lucene finds the index sound, and it is out of date (files not indexed yet)
        CliRun check = CliRun.run(home, "--index", idx, "check", "--format", "json")
                .expect(ExitCodes.OUT_OF_DATE).assertNoStackTrace();
        assertTrue(check.json().get("sound").asBoolean(), "check after the kill:\n" + check.out());
        assertEquals(n - committed, check.json().get("new").size(), "check lists the files not indexed yet");

        // the next run does exactly the rest: the committed articles are unchanged, the others added
        CliRun rerun = CliRun.run(home, "--index", idx, "index", "--no-entities", "--format", "json",
                corpus.root.toString()).expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
        JsonNode summary = rerun.json();
        assertEquals(n - committed, summary.get("added").asLong(), "added by the next run:\n" + rerun.out());
        assertEquals(committed, summary.get("unchanged").asLong(), "unchanged in the next run:\n" + rerun.out());
        assertEquals(0, summary.get("updated").asLong(), "updated in the next run:\n" + rerun.out());
        assertEquals(0, summary.get("rejected").asLong(), "rejected in the next run:\n" + rerun.out());
        assertEquals(n, summary.get("articles").asLong(), "articles after the next run:\n" + rerun.out());

        assertEquals(Set.of(), unreferencedFiles(index), "files of the killed run left behind by the next one");
        IndexContents complete = IndexContents.of(index);
        assertEquals(n, complete.numDocs(), "live documents after the next run");
        complete.assertNoDuplicates();
        assertEquals(corpus.ids(), complete.distinctIds(), "the index holds exactly the corpus' articles");

        assertEquals(n, CliRun.run(home, "--index", idx, "search", "*:*", "--limit", "0", "--format", "json")
                .expect(ExitCodes.OK).json().get("total").asLong());
        CliRun.run(home, "--index", idx, "check").expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
        return committed;
    }

    /**
     * Kills at arbitrary moments, several runs in a row, each resuming the last: during JVM
     * start-up, before the first commit, between commits or in the middle of one. Whatever the
     * moment, the index opens (or is still absent), what it holds is whole, only grows, and one
     * final run completes it exactly.
     */
    @Test
    @Order(2)
    void repeatedKillsAtArbitraryMomentsThenOneRunCompletesTheWork() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path dir = Files.createDirectories(tmp.resolve("random-kills"));
        Path index = dir.resolve("index");
        String idx = index.toString();
        Corpus corpus = new Corpus(dir.resolve("corpus")).add(FIRST_SIZE);
        int n = corpus.size();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> history = new ArrayList<>();
        long previous = 0;
        int landed = 0;
        for (int run = 1; run <= 4; run++) {
            Path runDir = Files.createDirectories(dir.resolve("run-" + run));
            long startGeneration = Math.max(0, commitGeneration(index));
            // the first run dies early (JVM start-up, walking, before its first commit); the others
            // after 1 or 2 commits of their own, plus 0-60 ms: between commits or inside one
            int commits = run == 1 ? 0 : 1 + random.nextInt(2);
            int extra = run == 1 ? 100 + random.nextInt(500) : random.nextInt(60);
            Child child = start(runDir, "--index", idx, "index", "--no-entities", "--quiet", "--threads", "2",
                    "--commit-every", "100", corpus.root.toString());
            boolean running = commits == 0
                    || child.awaitWhileRunning(() -> commitGeneration(index) >= startGeneration + commits);
            if (running) {
                Thread.sleep(extra);
            }
            int exit = child.kill();
            if (exit != KILLED) {
                child.assertFinishedNormally(exit);
            } else {
                landed++;
            }
            String moment = commits == 0 ? extra + " ms after start" : commits + " commits + " + extra + " ms";
            long generation = commitGeneration(index);
            CliRun search = CliRun.run(home, "--index", idx, "search", "*:*", "--limit", "0", "--format", "json");
            long total;
            if (generation < 0) {
                // killed before its first commit: no index yet, and search says so in one line
                search.expect(ExitCodes.INDEX_UNAVAILABLE);
                assertTrue(search.oneErrorLine().contains("no index"), search.err());
                total = 0;
            } else {
                total = search.expect(ExitCodes.OK).assertNoStackTrace().assertQuiet().json().get("total").asLong();
                IndexContents contents = IndexContents.of(index);
                contents.assertNoDuplicates();
                assertTrue(corpus.ids().containsAll(contents.distinctIds()));
            }
            history.add(String.format("run %d: %s (%s, %d ms), generation %d, %d articles", run,
                    exit == KILLED ? "killed" : "finished", moment, child.millis(), generation, total));
            assertTrue(total >= previous, "articles went down after a kill (seed " + seed + "): " + history);
            previous = total;
        }
        log("arbitrary kills (seed %d): %s", seed, history);
        assertTrue(landed >= 2, "fewer than 2 kills landed while the child was running: " + history);

        CliRun rerun = CliRun.run(home, "--index", idx, "index", "--no-entities", "--format", "json",
                corpus.root.toString()).expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
        JsonNode summary = rerun.json();
        assertEquals(n - previous, summary.get("added").asLong(), rerun.out() + history);
        assertEquals(previous, summary.get("unchanged").asLong(), rerun.out() + history);
        assertEquals(0, summary.get("updated").asLong(), rerun.out() + history);
        assertEquals(Set.of(), unreferencedFiles(index), "files of the killed runs left behind");
        IndexContents complete = IndexContents.of(index);
        assertEquals(n, complete.numDocs());
        complete.assertNoDuplicates();
        assertEquals(corpus.ids(), complete.distinctIds());
        CliRun.run(home, "--index", idx, "check").expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
    }

    // ------------------------------------------------------------------------------------------
    // kill -9 during reindex
    // ------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void killDuringReindexLeavesTheOldIndexWholeAndTheNextReindexSwitches() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        int size = FIRST_SIZE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++, size *= 2) {
            Path dir = Files.createDirectories(tmp.resolve("reindex-attempt-" + attempt));
            Path index = dir.resolve("index");
            String idx = index.toString();
            Corpus corpus = new Corpus(dir.resolve("corpus")).add(size);
            CliRun.run(home, "--index", idx, "index", "--no-entities", "--quiet", corpus.root.toString())
                    .expect(ExitCodes.OK);
            Set<String> oldIds = corpus.ids();
            IndexContents old = IndexContents.of(index);
            assertEquals(oldIds, old.distinctIds());

            // the rebuild from these files would differ: some gone, some new
            List<Path> deleted = corpus.deleteEvery(size / 5);
            Set<String> deletedIds = Corpus.ids(deleted);
            List<Path> addedFiles = corpus.addFiles(7);
            Set<String> addedIds = Corpus.ids(addedFiles);
            Set<String> newIds = corpus.ids();
            assertEquals(5, deletedIds.size());
            assertFalse(newIds.equals(oldIds));

            Set<String> filesBefore = listing(index);
            long generationBefore = commitGeneration(index);
            Child child = start(dir, "--index", idx, "reindex", "--no-entities", "--quiet", "--threads", "2",
                    corpus.root.toString());

            // the rebuild writes its first segment files beside the live index: it is under way
            boolean underWay = child.awaitWhileRunning(() -> !filesBefore.containsAll(listing(index)));
            long oldSeenDuringRebuild = -1;
            if (underWay) {
                Thread.sleep(100); // into the middle of the rebuild, not its first document
                // readers meanwhile see the old index
                long total = CliRun.run(home, "--index", idx, "search", "*:*", "--limit", "0", "--format", "json")
                        .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet().json().get("total").asLong();
                if (commitGeneration(index) == generationBefore) { // else the rebuild finished first: a retry
                    assertEquals(oldIds.size(), total, "search during the rebuild must see the old index");
                    oldSeenDuringRebuild = total;
                }
            }
            Set<String> partialFiles = new TreeSet<>(listing(index));
            partialFiles.removeAll(filesBefore);
            int exit = child.kill();
            boolean switched = commitGeneration(index) != generationBefore;
            if (!underWay || exit != KILLED || switched) {
                child.assertFinishedNormally(exit);
                log("reindex kill, attempt %d: the child finished (exit %d, switched %s) before the kill, %,d files;"
                        + " retrying with twice the files", attempt, exit, switched, size);
                continue;
            }
            log("reindex kill, attempt %d: search during the rebuild saw the old %d articles; SIGKILL landed %d ms"
                    + " after start, with %d new files of the partial rebuild in the index folder, %,d files",
                    attempt, oldSeenDuringRebuild, child.millis(), partialFiles.size(), size);
            afterKilledReindex(home, index, corpus, oldIds, deletedIds, addedIds, newIds, deleted.get(0));
            return;
        }
        fail("the child finished reindexing before it could be killed in all " + ATTEMPTS
                + " attempts (last corpus " + size / 2 + " files): the test proved nothing; make the corpus bigger");
    }

    private void afterKilledReindex(Path home, Path index, Corpus corpus, Set<String> oldIds, Set<String> deletedIds,
            Set<String> addedIds, Set<String> newIds, Path aDeletedFile) throws IOException {
        String idx = index.toString();

        // the old index, whole; the partial rebuild invisible
        CliRun search = CliRun.run(home, "--index", idx, "search", "*:*", "--limit", "0", "--format", "json")
                .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
        assertEquals(oldIds.size(), search.json().get("total").asLong(), "search after the killed reindex");
        IndexContents afterKill = IndexContents.of(index);
        afterKill.assertNoDuplicates();
        assertEquals(oldIds, afterKill.distinctIds(), "the old index must be intact after a killed reindex");
        assertEquals(oldIds.size(), CliRun.run(home, "--index", idx, "stats", "--format", "json")
                .expect(ExitCodes.OK).assertNoStackTrace().json().get("articles").asLong());
        assertFalse(unreferencedFiles(index).isEmpty(), "the partial rebuild left no file: was it under way?");
        String deletedId = CliRun.idOf(aDeletedFile);
        CliRun.run(home, "--index", idx, "show", deletedId, "--format", "json")
                .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();

        // check works: sound, and out of date since files were deleted and added
        CliRun check = CliRun.run(home, "--index", idx, "check", "--format", "json")
                .expect(ExitCodes.OUT_OF_DATE).assertNoStackTrace();
        JsonNode report = check.json();
        assertTrue(report.get("sound").asBoolean(), "check after the killed reindex:\n" + check.out());
        assertEquals(addedIds.size(), report.get("new").size(), check.out());
        assertEquals(deletedIds.size(), report.get("missing").size(), check.out());

        // a complete reindex gives exactly the new set
        CliRun rebuild = CliRun.run(home, "--index", idx, "reindex", "--no-entities", "--format", "json",
                corpus.root.toString()).expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
        assertEquals(newIds.size(), rebuild.json().get("articles").asLong(), rebuild.out());
        assertEquals(Set.of(), unreferencedFiles(index),
                "the partial rebuild's files (and the old index's) must be gone after the next reindex");
        IndexContents rebuilt = IndexContents.of(index);
        assertEquals(newIds.size(), rebuilt.numDocs());
        rebuilt.assertNoDuplicates();
        assertEquals(newIds, rebuilt.distinctIds(), "the rebuilt index holds exactly the files now there");
        for (String id : deletedIds) {
            assertFalse(rebuilt.distinctIds().contains(id), "deleted file's article " + id + " survived the reindex");
        }
        assertTrue(rebuilt.distinctIds().containsAll(addedIds), "new files' articles missing after the reindex");
        CliRun.run(home, "--index", idx, "show", deletedId).expect(ExitCodes.USAGE).oneErrorLine();
        CliRun.run(home, "--index", idx, "check").expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
    }

    // ------------------------------------------------------------------------------------------
    // a second writer, and readers, while a child indexes
    // ------------------------------------------------------------------------------------------

    @Test
    @Order(4) // last: the in-process commands must be quick, so they run in a warm JVM
    void whileAnotherProcessIndexesReadersWorkAndASecondWriterGetsOneLine() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        int size = CONCURRENT_SIZE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++, size *= 2) {
            Path dir = Files.createDirectories(tmp.resolve("concurrent-attempt-" + attempt));
            Path index = dir.resolve("index");
            String idx = index.toString();
            Corpus corpus = new Corpus(dir.resolve("corpus")).add(size);
            Child child = start(dir, "--index", idx, "index", "--no-entities", "--quiet", "--threads", "1",
                    "--commit-every", "100", corpus.root.toString());

            // the child holds the write lock and has committed: there is something to read
            if (!child.awaitWhileRunning(() -> commitGeneration(index) >= 1)) {
                child.assertFinishedNormally(child.process.exitValue());
                log("concurrency, attempt %d: the child finished before its first commit; retrying", attempt);
                continue;
            }

            long firstCommitMillis = child.millis();
            // a second writer, a rebuild, and check (it needs the lock too): exit 4, one line each
            CliRun second = CliRun.run(home, "--index", idx, "index", "--no-entities", corpus.root.toString());
            CliRun rebuild = CliRun.run(home, "--index", idx, "reindex", "--no-entities", corpus.root.toString());
            CliRun check = CliRun.run(home, "--index", idx, "check");
            if (!child.process.isAlive() && Stream.of(second, rebuild, check)
                    .anyMatch(run -> run.code() != ExitCodes.INDEX_UNAVAILABLE)) {
                log("concurrency, attempt %d: the child finished before the second writers tried; retrying", attempt);
                continue;
            }
            for (CliRun refused : List.of(second, rebuild, check)) {
                refused.expect(ExitCodes.INDEX_UNAVAILABLE);
                String line = refused.oneErrorLine();
                assertTrue(line.startsWith("newsarchive: ") && line.contains("being written by another process"),
                        refused.args() + ": " + line);
                assertEquals("", refused.out(), refused.args() + " printed on stdout");
            }

            // readers: search, stats, show, entities, while the child writes
            CliRun search = CliRun.run(home, "--index", idx, "search", "*:*", "--limit", "3", "--format", "json")
                    .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
            JsonNode hits = search.json().get("hits");
            assertTrue(hits.size() >= 1, search.out());
            String id = hits.get(0).get("id").asText();
            CliRun stats = CliRun.run(home, "--index", idx, "stats", "--format", "json")
                    .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
            assertTrue(stats.json().get("articles").asLong() >= 1, stats.out());
            CliRun show = CliRun.run(home, "--index", idx, "show", id, "--format", "json")
                    .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
            assertEquals(id, show.json().get("id").asText());
            CliRun entities = CliRun.run(home, "--index", idx, "entities", "--format", "json")
                    .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
            assertTrue(entities.json().get("articles").asLong() >= 1, entities.out());
            if (!child.process.isAlive()) {
                log("concurrency, attempt %d: the child finished before search, stats, show and entities had all run;"
                        + " retrying with twice the files", attempt);
                continue;
            }

            long readersDoneMillis = child.millis();
            // and again and again until the child is done: totals only grow, never beyond the corpus
            int concurrentReads = 0;
            long lastTotal = 0;
            Set<Long> totalsSeen = new TreeSet<>();
            while (child.process.isAlive() && child.millis() < CHILD_WAIT.toMillis()) {
                JsonNode result = CliRun.run(home, "--index", idx, "search", "*:*", "--sort", "newest", "--limit", "3",
                        "--format", "json").expect(ExitCodes.OK).assertNoStackTrace().assertQuiet().json();
                long total = result.get("total").asLong();
                CliRun.run(home, "--index", idx, "show", result.get("hits").get(0).get("id").asText())
                        .expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
                CliRun.run(home, "--index", idx, "stats").expect(ExitCodes.OK).assertNoStackTrace().assertQuiet();
                assertTrue(total >= lastTotal && total <= size, "totals " + totalsSeen + " then " + total);
                lastTotal = total;
                totalsSeen.add(total);
                concurrentReads++;
            }
            assertTrue(child.process.waitFor(CHILD_WAIT.toMillis(), TimeUnit.MILLISECONDS),
                    "the child did not finish in " + CHILD_WAIT + "\n" + child.output());
            assertEquals(ExitCodes.OK, child.process.exitValue(), "the child's exit code\n" + child.output());
            log("concurrency, attempt %d: child's first commit at %d ms, refused writers, search, stats, show"
                    + " and entities done at %d ms, then %d search+show+stats rounds (%d distinct totals) until"
                    + " the child finished %,d files at %d ms", attempt, firstCommitMillis, readersDoneMillis,
                    concurrentReads, totalsSeen.size(), size, child.millis());

            IndexContents complete = IndexContents.of(index);
            assertEquals(size, complete.numDocs());
            complete.assertNoDuplicates();
            assertEquals(corpus.ids(), complete.distinctIds());
            assertEquals(size, CliRun.run(home, "--index", idx, "search", "*:*", "--limit", "0", "--format", "json")
                    .expect(ExitCodes.OK).json().get("total").asLong());
            return;
        }
        fail("the child finished indexing before the concurrent commands could run, in all " + ATTEMPTS + " attempts");
    }

    // ------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------

    private static void log(String format, Object... args) {
        System.out.println("[CrashRecoveryTest] " + String.format(format, args));
    }

    /** Starts the CLI in a child JVM, stdin from /dev/null, stdout and stderr to files in {@code dir}. */
    private Child start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.newsarchive.cli.Main");
        command.addAll(List.of(args));
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // nothing inherited that could make the child wait (a debugger agent with suspend=y) or
        // change where it writes
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove(CliEnvironment.INDEX_VARIABLE);
        Process process = builder.start();
        children.add(process);
        return new Child(process, out, err, System.nanoTime(), List.copyOf(command));
    }

    /** A child JVM running the CLI. */
    private record Child(Process process, Path out, Path err, long startedNanos, List<String> command) {

        long millis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }

        /**
         * Polls {@code condition} every 2 ms while the child runs: true once it holds with the
         * child still alive, false when the child exits first; fails after {@link #CHILD_WAIT}.
         */
        boolean awaitWhileRunning(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + CHILD_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                boolean alive = process.isAlive();
                if (condition.getAsBoolean()) {
                    return alive && process.isAlive();
                }
                if (!alive) {
                    return false;
                }
                Thread.sleep(2);
            }
            fail("neither the awaited state nor the child's exit within " + CHILD_WAIT + "\n" + output());
            return false;
        }

        /** SIGKILL, then the exit code: {@link #KILLED} when the child was still running. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the child did not die of SIGKILL");
            return process.exitValue();
        }

        /** When the child outran the kill, it must at least have succeeded. */
        void assertFinishedNormally(int exit) {
            if (exit != KILLED) {
                assertEquals(ExitCodes.OK, exit, "the child failed on its own\n" + output());
            }
        }

        String output() {
            List<String> shown = command.subList(command.indexOf("org.newsarchive.cli.Main"), command.size());
            return "child: java ... " + String.join(" ", shown)
                    + "\n--- child stdout:\n" + read(out) + "\n--- child stderr:\n" + read(err);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(" + e + ")";
            }
        }
    }

    /** The generation of the last commit in the index folder; -1 when there is none (yet). */
    private static long commitGeneration(Path index) {
        String[] files = index.toFile().list();
        return files == null ? -1 : SegmentInfos.getLastCommitGeneration(files);
    }

    /** Files in the index folder that its last commit does not use (the lock file aside). */
    private static Set<String> unreferencedFiles(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index)) {
            Set<String> files = new TreeSet<>(List.of(directory.listAll()));
            files.removeAll(SegmentInfos.readLatestCommit(directory).files(true));
            files.remove("write.lock");
            return files;
        }
    }

    private static Set<String> listing(Path index) {
        String[] files = index.toFile().list();
        return files == null ? Set.of() : Set.of(files);
    }

    /** Every live document's stored id, read straight from the last commit. */
    private record IndexContents(int numDocs, List<String> ids) {

        static IndexContents of(Path index) throws IOException {
            List<String> ids = new ArrayList<>();
            try (Directory directory = FSDirectory.open(index);
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields stored = leaf.reader().storedFields();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live == null || live.get(doc)) {
                            ids.add(stored.document(doc, Set.of(ArticleFields.ID.name())).get(ArticleFields.ID.name()));
                        }
                    }
                }
                return new IndexContents(reader.numDocs(), ids);
            }
        }

        Set<String> distinctIds() {
            return new HashSet<>(ids);
        }

        void assertNoDuplicates() {
            assertEquals(numDocs, ids.size(), "live documents vs ids read");
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            for (String id : ids) {
                if (!seen.add(id)) {
                    twice.add(id);
                }
            }
            assertTrue(twice.isEmpty(), () -> twice.size() + " ids are indexed more than once, e.g. "
                    + twice.stream().limit(5).collect(Collectors.toList()));
        }
    }

    /**
     * A generated corpus of small seed-format articles, spread over year/month folders, with
     * dates from 1987 to 2022.
     */
    private static final class Corpus {

        private static final String[] WORDS = ("market bank rates trade oil price government minister talks"
                + " export cocoa wheat shares company profit quarter growth inflation central policy harbour"
                + " election coalition budget strike port grain tanker merger court ruling treaty summit")
                .split(" ");

        final Path root;
        private Path realRoot;
        private final Set<Path> folders = new HashSet<>();
        private final List<Path> files = new ArrayList<>();
        private int next;

        Corpus(Path root) {
            this.root = root;
        }

        /** Adds {@code count} new article files. */
        Corpus add(int count) throws IOException {
            addFiles(count);
            return this;
        }

        List<Path> addFiles(int count) throws IOException {
            List<Path> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                added.add(write(next++));
            }
            files.addAll(added);
            return added;
        }

        /** Deletes every {@code step}-th file (the first included); returns the deleted paths. */
        List<Path> deleteEvery(int step) throws IOException {
            List<Path> deleted = new ArrayList<>();
            for (int i = 0; i < files.size(); i += step) {
                deleted.add(files.get(i));
            }
            for (Path file : deleted) {
                Files.delete(file);
            }
            files.removeAll(deleted);
            return deleted;
        }

        int size() {
            return files.size();
        }

        /** The article ids of the files now in the corpus. */
        Set<String> ids() {
            return ids(files);
        }

        static Set<String> ids(List<Path> paths) {
            Set<String> ids = new HashSet<>();
            for (Path path : paths) {
                ids.add(CliRun.idOf(path));
            }
            return ids;
        }

        private Path write(int n) throws IOException {
            if (realRoot == null) {
                realRoot = Files.createDirectories(root).toRealPath();
            }
            LocalDate date = LocalDate.of(1987, 1, 1).plusDays((n * 7919L) % 13_000);
            Path folder = realRoot.resolve(Integer.toString(date.getYear()))
                    .resolve(String.format("%02d", date.getMonthValue()));
            if (folders.add(folder)) {
                Files.createDirectories(folder);
            }
            Random random = new Random(n);
            StringBuilder text = new StringBuilder(" date ").append(date).append(" Title ").append(n).append("\n\n");
            int words = 40 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            text.append(" item").append(n).append(".\n");
            Path file = folder.resolve(String.format("article-%06d.txt", n));
            Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
            return file;
        }
    }
}
