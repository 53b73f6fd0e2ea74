package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of hostile and random query strings through {@code search}, in-process. Whatever the
 * query, the command must answer 0 (results, maybe none) or 2 (one line on stderr saying what is
 * wrong with the query), never crash with a stack trace or exit 1, and never take long.
 *
 * <p>Each search runs on its own thread with the stack the launcher gives the JVM for searches
 * ({@code -Xss512k} in {@code scripts/newsarchive}), so that recursion limits are the real ones,
 * and is abandoned (and reported) when it runs over its time bound.
 *
 * <p>Inputs that once broke the contract (malformed regular expressions, huge boosts, negative
 * slops, deep nesting, huge pattern terms) have tests of their own at the end.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryFuzzTest {

    /** Fixed, so that a failure can be replayed: the report names the seed and the case number. */
    private static final long SEED = 0x5EED_2024L;
    private static final int RANDOM_QUERIES = 2_000;
    /** Bound for one search of a hostile query (the largest are 100,000 characters). */
    private static final Duration HOSTILE_BOUND = Duration.ofSeconds(10);
    /** Bound for one search of a random query (at most a few dozen tokens). */
    private static final Duration RANDOM_BOUND = Duration.ofSeconds(5);
    /** The launcher's {@code -Xss512k} for search. */
    private static final long LAUNCHER_STACK_BYTES = 512 * 1024;

    private static final Map<String, String> ARTICLES = new LinkedHashMap<>();

    static {
        ARTICLES.put("volcano.txt", " date 2022-03-15 Volcano erupts near harbor town\n\n"
                + "Lava from the volcano reached the harbor on Tuesday morning. Fishermen moved their boats.\n");
        ARTICLES.put("strike.txt", " date 2022-11-30 Harbor strike ends after long talks\n\n"
                + "Dock workers returned to the harbor after a week of talks.\n");
        ARTICLES.put("budget.txt", " date 2023-01-01 Budget vote delayed again\n\n"
                + "Parliament delayed the budget vote because the volcano report arrived late.\n");
        ARTICLES.put("cafe.txt", " date 2023-06-10T08:30:00+02:00 Caf\u00e9 prices rise in S\u00e3o Paulo\n\n"
                + "Coffee \u2615 costs more; \u0628\u0631\u0643\u0627\u0646 and \u65b0\u95fb readers noticed.\n");
        ARTICLES.put("quantum.txt", " date 2024-02-29 Quantum computer breakthrough announced\n\n"
                + "Researchers at Acme Corp. kept qubits stable for a record time, said Dr. Ada Smith.\n");
    }

    @TempDir
    static Path tmp;

    private Path home;
    private Path index;

    @BeforeAll
    void buildIndex() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        for (Map.Entry<String, String> e : ARTICLES.entrySet()) {
            Files.writeString(archive.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        index = tmp.resolve("index");
        CliRun.run(home, "--index", index.toString(), "index", "--no-entities", archive.toString())
                .expect(0).assertQuiet();
        Outcome all = search("*:*", true, HOSTILE_BOUND);
        assertEquals(null, all.problem());
        assertEquals(ARTICLES.size(), all.run().json().get("total").asLong());
    }

    // --- hostile cases ---------------------------------------------------------------------------

    private static final String TOKEN_100K = "a".repeat(100_000);

    /** Case name to query; every one must keep the contract (see the bug tests for those that do not). */
    static Map<String, String> hostileQueries() {
        Map<String, String> q = new LinkedHashMap<>();
        // unbalanced quotes, brackets, braces
        for (String s : List.of("\"", "\"volcano", "volcano\"", "\"a\" \"b", "\"\"\"", "(", ")", "((volcano)",
                "volcano)", "(volcano))", "[", "]", "[a TO", "[a TO b", "a TO b]", "{", "}", "{a TO b]", "[a TO b}",
                "date:[2023", "date:[2023 TO", "date:[2023 TO 2024", "headline:(", "headline:(volcano", "(\"volcano)\"",
                "[[[[", "]]]]", "{{{{", "}}}}", ")(", "][", "}{")) {
            q.put("unbalanced " + s, s);
        }
        // lone and doubled operators
        for (String s : List.of("AND", "OR", "NOT", "+", "-", "!", "&&", "||", "&", "|", "TO", "AND OR NOT",
                "volcano AND", "OR volcano", "NOT NOT", "+-volcano", "- -", "!!", "+ + +", "a AND AND b",
                "volcano TO harbor", "volcano && || harbor", "! volcano", "NOT volcano", "-volcano -harbor",
                "volcano -", "volcano +", "volcano !", "volcano ||", "|| volcano", "AND AND AND", "and or not",
                "+AND", "-OR", "NOT(", "(AND)", "(OR)", "()", "( )", "+()", "-()", "!()")) {
            q.put("operator " + s, s);
        }
        // wildcards, including the ones that expand to every term
        for (String s : List.of("*", "?", "*a*", "*?*?*", "**", "*:*", "*:volcano", "volcano:*", "headline:*",
                "body:*", "?*", "*?", "???????", "a*b*c*d*e*f*g*h*", "\"*\"", "\"volcano*\"", "*:*:*", "*:*^2",
                "*:* AND *:*", "-*:*", "NOT *:*", "*volcano", "v*o*l*c*a*n*o", "\\*", "*\\*", "volc?no~",
                "*?".repeat(20), "?".repeat(500))) {
            q.put("wildcard " + abbreviate(s), s);
        }
        q.put("wildcard * x 1000", "*".repeat(1000));
        // many terms: each is over the 1,024-clause limit or close to it
        q.put("10,000 terms", numbered("word", " ", 10_000));
        q.put("10,000 ORed terms", numbered("word", " OR ", 10_000));
        q.put("10,000 ANDed terms", numbered("word", " AND ", 10_000));
        q.put("10,000 NOTed terms", numbered("-word", " ", 10_000));
        q.put("1,025 ORed terms", numbered("word", " OR ", 1025));
        q.put("600 ORed terms", numbered("word", " OR ", 600));
        q.put("10,000 times volcano", "volcano ".repeat(10_000));
        q.put("10,000 stop words", "the ".repeat(10_000));
        q.put("2,000 wildcards", IntStream.range(0, 2_000).mapToObj(i -> "w" + i + "*").collect(Collectors.joining(" OR ")));
        q.put("phrase of 10,000 words", "\"" + "volcano harbor ".repeat(5_000) + "\"");
        // deep nesting
        q.put("nesting 500", "(".repeat(500) + "volcano" + ")".repeat(500));
        q.put("nesting 50 with OR", "(volcano OR ".repeat(50) + "harbor" + ")".repeat(50));
        q.put("nesting 500 unclosed", "(".repeat(500) + "volcano");
        q.put("nesting 500 unopened", "volcano" + ")".repeat(500));
        q.put("nesting 500 of +(", "+(".repeat(500) + "volcano" + ")".repeat(500));
        q.put("nesting 500 of NOT", "NOT ".repeat(500) + "volcano");
        q.put("nesting 500 of -", "-".repeat(500) + "volcano");
        q.put("nesting 500 fields", "headline:(".repeat(500) + "volcano" + ")".repeat(500));
        q.put("nesting 20,000 of NOT", "NOT ".repeat(20_000) + "volcano");
        // control characters and NUL
        for (String s : List.of("\u0000", "volcano\u0000", "\u0000volcano", "vol\u0000cano", "\u0001\u0002\u0003\u001f",
                "\t", "volcano\tharbor", "volcano\nharbor", "volcano\r\nharbor", "\r", "\u007f", "\b", "\u001b[1mvolcano",
                "\f", "\u000b", "\"volcano\u0000\"", "headline:\u0000", "\u0000:volcano", "date:\u0000",
                "\u0085", "\u2028", "\u2029")) {
            q.put("control " + escape(s), s);
        }
        // unicode
        for (String s : List.of("\uD83C\uDF0B", "volcano \uD83C\uDF0B", "\u2615", "\u0628\u0631\u0643\u0627\u0646",
                "\u202Evolcano", "\u202Eonaclov\u202C", "e\u0301\u0301\u0301\u0301", "\u0301", "caf\u00e9", "cafe\u0301",
                "\u200B", "volcano\u200Bharbor", "\uD800", "\uDC00x", "x\uD800", "\uFEFF", "\uFEFFvolcano", "\u216B",
                "\uFF56\uFF4F\uFF4C\uFF43\uFF41\uFF4E\uFF4F", "\u0130stanbul", "stra\u00dfe", "\u65b0\u95fb",
                "\u00a0", "\u00a0volcano\u00a0", "\u3000", "\uFFFD", "\uFFFF", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                "\uD83C\uDDFA\uD83C\uDDF8", "\u0628\u0631\u0643\u0627\u0646*", "\uD83C\uDF0B~2", "\uD83C\uDF0B*",
                "headline:\uD83C\uDF0B", "\"\uD83C\uDF0B \u65b0\u95fb\"~3", "\u0e01\u0e32\u0e23", "\u1F00")) {
            q.put("unicode " + escape(s), s);
        }
        // very long single tokens
        q.put("token 100k", TOKEN_100K);
        q.put("token 100k quoted", "\"" + TOKEN_100K + "\"");
        q.put("token 100k field", "headline:" + TOKEN_100K);
        q.put("token 100k field name", TOKEN_100K + ":volcano");
        q.put("token 100k date", "date:" + "2".repeat(100_000));
        q.put("token 100k unicode", "\uD83C\uDF0B".repeat(50_000));
        q.put("token 100k escaped", "\\a".repeat(50_000));
        q.put("token 100k~0", TOKEN_100K + "~0");
        q.put("token 1k~2", "a".repeat(1_000) + "~2");
        q.put("token 10k regex", "/" + "a".repeat(10_000) + "/");
        q.put("token 900*", "a".repeat(900) + "*");
        // date garbage
        for (String s : List.of("date:[x TO y]", "date:[2023-13 TO 2024]", "date:[2023-02-30 TO *]", "date:[* TO *]",
                "date:{* TO *}", "date:{2023-01-01 TO 2023-01-02}", "date:{2023-01-01 TO 2023-01-01}",
                "date:[2024 TO 2023]", "date:[0000 TO 9999]", "date:{9999-12-31 TO *}", "date:{* TO 0000-01-01}",
                "date:99999", "date:2023-1-1", "date:\"2023-01-01\"", "date:\"2023 2024\"~3", "date:2023*",
                "date:2023~", "date:2023~2", "date:/2023/", "date:[2023-01-01T00:00 TO *]", "date:[ TO ]",
                "date:[TO TO TO]", "date:(2023 OR 2024)", "date:-2023", "date:+2023", "date:2023^2", "date:9999-12-31",
                "date:\u0661\u0662\u0663\u0664", "date:[2023 TO 2023-06 TO 2024]", "date:", "date:*", "date:?",
                "date:[\"2023\" TO \"2024\"]", "date:[2023-00 TO 2023-01]", "date:2023-02-29", "date:2024-02-29",
                "date:0000-02-29", "date:-0001", "date:+10000", "date:2023-001-001", "date:2023-12-31T23:59:59Z",
                "date:[* TO 2023] AND date:[2024 TO *]", "DATE:2023", "Date:[2023 TO *]", "date:[x TO *]",
                "date:[* TO y]", "date:[2023 TO 2022]^3", "date:[2023 TO 2024]~2", "date:\"\"", "date:\" \"",
                "date:[\"\" TO \"\"]", "date:[2023 TO 2024", "date:2023-12-22T23:30:00-05:00")) {
            q.put("date " + s, s);
        }
        // fuzzy and proximity with odd numbers
        for (String s : List.of("volcano~", "volcano~0", "volcano~1", "volcano~2", "volcano~3", "volcano~0.5",
                "volcano~1.5", "volcano~-1", "volcano~99999999999", "volcano~" + "9".repeat(400), "volcano~1e10",
                "volcano~2~2", "a~2", "~", "~volcano", "~~", "volcano~~", "\"volcano harbor\"~99999999999",
                "\"volcano harbor\"~" + "9".repeat(400), "\"volcano harbor\"~1.5", "\"a\"~-1", "\"volcano\"~2",
                "\"\"~2", "volcano~0.0000000001", "volcano~NaN", "volcano~Infinity")) {
            q.put("fuzzy " + abbreviate(s), s);
        }
        // boosts that stay finite
        for (String s : List.of("volcano^1e309", "volcano^0", "volcano^0.0", "volcano^-1", "volcano^", "^volcano",
                "^", "volcano^2^3", "\"volcano\"^1e309", "volcano^0.00000000000000000000000000000000000000000000001",
                "volcano^3.4e38", "volcano^100000000000000000000000000000000000000", "(volcano)^0.5")) {
            q.put("boost " + s, s);
        }
        // regular expressions that Lucene accepts
        for (String s : List.of("/(a|b)*c(a|b){20}/", "/.*/", "//", "/", "/volcano/", "date:/x/", "/.{1000}.*/",
                "/".repeat(101), "/a**/", "/<1-10>/", "/<10-1>/", "/#/", "/@/", "/&/", "/~a/", "/\u0000/",
                "/\uD83C\uDF0B/", "/(((((((((((((((((((((a)))))))))))))))))))))/", "/" + ".*".repeat(1000) + "/",
                "/([a-z]+)*[0-9]{1,100}/", "/volc[a-z]no/", "headline:/har.*/")) {
            q.put("regex " + abbreviate(escape(s)), s);
        }
        // field names with odd characters
        for (String s : List.of("nope:x", "h\u00e9adline:x", "head line:x", "HEADLINE:volcano", "headline\\:volcano",
                "\\*:\\*", ":volcano", "volcano:", "::", "a:b:c", "headline:headline:volcano", "person:", "person:*",
                "person:\"\"", "org:(a OR b)", "place:[a TO b]", "id:*", "path:*", "path:/tmp/*", "\uD83C\uDF0B:x",
                "a\u0000b:x", "misc:~", "person:x~2", "person:/x/", "id:[a TO b]", "path:\"/tmp\"", "body:", "body:()",
                "headline:-volcano", "headline:NOT", "headline:AND", "headline:\"\"", "PERSON:ada", "person:ada*",
                "org:\"acme corp.\"", "place:s\u00e3o", "person:\"\"~2", "person:x^2", "id:0123456789abcdef",
                "_id:x", "$field:x", "field.with.dots:x", "field-with-dash:x", "field/slash:x", "f\\ ield:x",
                "123:x", "*:x", "?:x", "headline:*:*", "date:date:2023")) {
            q.put("field " + escape(s), s);
        }
        // everything, nothing, escapes, arguments that look like options
        for (String s : List.of("*:*", "", " ", "  \t  ", "\n", "\\", "volcano\\", "\\\\", "\\u", "\\\"", "\\*",
                "\\ ", "--", "-", "-volcano", "--volcano", "---", "-x", "@nonexistent-argument-file",
                "the", "the AND a", "\"the a an\"", "headline:the", "\"the\"~2", "the*", "a", "I", "s")) {
            q.put("misc " + escape(s), s);
        }
        return q;
    }

    @TestFactory
    Stream<DynamicTest> hostileQueriesExitZeroOrTwoQuicklyWithoutStackTraces() {
        return hostileQueries().entrySet().stream().map(e -> DynamicTest.dynamicTest(abbreviate(e.getKey()), () -> {
            // as text and as JSON, at the same time
            List<Outcome> outcomes = searchAll(List.of(e.getValue(), e.getValue()), List.of(false, true), HOSTILE_BOUND);
            for (Outcome outcome : outcomes) {
                String problem = outcome.problem();
                if (problem != null) {
                    fail(problem + (outcome.json() ? " (--format json)" : "") + "\nquery: "
                            + abbreviate(escape(outcome.query())) + "\n" + outcome.describe());
                }
            }
        }));
    }

    // --- random queries --------------------------------------------------------------------------

    /** Query syntax, field names, words of the index, digits and awkward characters. */
    private static final List<String> ALPHABET = List.of(
            "\"", "(", ")", "[", "]", "{", "}", ":", "*", "?", "~", "^", "+", "-", "!", "&", "|", "\\", "/", " ", " ",
            " ", "&&", "||", " AND ", " OR ", " NOT ", " TO ", "date:", "headline:", "body:", "person:", "org:",
            "place:", "misc:", "id:", "path:", "nope:", "volcano", "harbor", "the", "caf\u00e9", "2023", "2023-01-01",
            "2022-13", "*:*", "0", "1", "2", "9", "99999999999", ".", ",", "@", "#", "'", "\t", "\n", "\u0000",
            "\uD83C\uDF0B", "\u0628\u0631", "\u0301", "\u00a0", "a", "b", "x", "e", "T");

    /** The seeded random queries, always the same ones in the same order. */
    private static List<String> randomQueries() {
        Random random = new Random(SEED);
        List<String> queries = new ArrayList<>(RANDOM_QUERIES);
        for (int i = 0; i < RANDOM_QUERIES; i++) {
            StringBuilder query = new StringBuilder();
            int tokens = 1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 12);
            for (int t = 0; t < tokens; t++) {
                query.append(ALPHABET.get(random.nextInt(ALPHABET.size())));
            }
            queries.add(query.toString());
        }
        return queries;
    }

    @Test
    void randomQueriesExitZeroOrTwoQuicklyWithoutStackTraces() {
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        String slowestQuery = "";
        List<Outcome> outcomes = searchRandomQueries();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            String query = outcome.query();
            if (outcome.nanos() > slowest) {
                slowest = outcome.nanos();
                slowestQuery = query;
            }
            String problem = outcome.problem();
            if (problem == null) {
                continue;
            }
            failures.add("#" + i + " " + problem + ": " + escape(query) + "\n    " + outcome.describe());
        }
        System.out.printf("QueryFuzzTest: %,d random queries (seed %d), slowest %d ms (%s)%n",
                RANDOM_QUERIES, SEED, slowest / 1_000_000, abbreviate(escape(slowestQuery)));
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + RANDOM_QUERIES + " random queries (seed "
                + SEED + ") broke the contract:\n" + String.join("\n", failures));
        assertTrue(slowest < RANDOM_BOUND.toNanos(), "slowest random query took " + slowest / 1_000_000 + " ms");
    }

    // --- inputs that once failed: each test holds them --------------------------------------------

    @Test
    void malformedRegularExpressionsAreUsageErrors() {
        assertEach(List.of("/[/", "/(/", "/\\/", "/a\\/", "headline:/[/", "/[a-z/", "/\\p{L}/",
                "/a{2,1}/", "/[z-a]/", "/[^]/", "/a{,}/"), true, HOSTILE_BOUND, true);
    }

    @Test
    void tooComplexWildcardsAndRegularExpressionsAreUsageErrors() {
        assertEach(List.of("*?".repeat(500), "a*?".repeat(300), "?".repeat(2000), TOKEN_100K + "*",
                "*" + TOKEN_100K, "/a{99999}/", "/a{1,1000000}/", "a".repeat(1001) + "*"), true, HOSTILE_BOUND, true);
    }

    @Test
    void hugeBoostsAreUsageErrorsOrScoreFinitely() {
        String nines = "9".repeat(400);
        assertEach(List.of("volcano^" + nines, "volcano^99999999999999999999999999999999999999999",
                "volcano^340282356779733661637539395458142568448", "(volcano)^" + "9".repeat(60), "\"volcano\"^" + nines,
                "*:*^" + nines, "date:2023^" + nines, "volcano*^" + nines, "volcano~1^" + nines, "/volc.*/^" + nines,
                "date:[2023 TO *]^" + nines), true, HOSTILE_BOUND, false);
        // finite boosts whose product with the headline boost (2) overflows: exit 0 is fine, a NaN score is not
        assertEach(List.of("volcano^200000000000000000000000000000000000000",
                "volcano^340282346638528859811704183484516925440"), true, HOSTILE_BOUND, false);
    }

    @Test
    void negativePhraseSlopIsAUsageError() {
        assertEach(List.of("\"volcano harbor\"~-1", "headline:\"volcano harbor\"~-5", "\"a b c\"~-99"), true,
                HOSTILE_BOUND, true);
    }

    @Test
    void deeplyNestedQueriesAreRefusedNotOverflowed() {
        // deeper than the thresholds of a fresh launcher JVM, since compiled code needs less stack
        assertEach(List.of("(volcano OR ".repeat(1000) + "harbor" + ")".repeat(1000),
                "(".repeat(10_000) + "volcano" + ")".repeat(10_000), "+(".repeat(10_000) + "volcano" + ")".repeat(10_000),
                "/" + "(".repeat(3000) + "a" + ")".repeat(3000) + "/", "/" + "a|".repeat(30_000) + "a/"), false,
                HOSTILE_BOUND, false);
    }

    @Test
    void fuzzyQueriesAndRegularExpressionsOnHugeTermsAreQuick() {
        // one at a time and as text only: two of these at once can exhaust a 1 GB heap
        for (String query : List.of(TOKEN_100K + "~", TOKEN_100K + "~2", TOKEN_100K + "~1", "a".repeat(10_000) + "~2",
                "/" + TOKEN_100K + "/")) {
            assertEach(List.of(query), false, Duration.ofSeconds(2), false);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** One search: its run (null when it threw or ran over time), what it threw, how long it took. */
    record Outcome(String query, boolean json, CliRun run, Throwable thrown, boolean timedOut, long nanos,
            Duration bound) {

        /** What is wrong, or null when the run kept the contract. */
        String problem() {
            if (timedOut) {
                return "still running after " + bound.toMillis() + " ms";
            }
            if (thrown != null) {
                return "threw " + thrown;
            }
            return QueryFuzzTest.problem(run, json);
        }

        String describe() {
            if (run == null) {
                return problem();
            }
            return "exit " + run.code() + " in " + nanos / 1_000_000 + " ms, stderr: " + abbreviate(run.err().strip());
        }
    }

    /** The random queries, every fourth as JSON, searched a few at a time (one per core). */
    private List<Outcome> searchRandomQueries() {
        List<String> queries = randomQueries();
        int lanes = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<Outcome> outcomes = new ArrayList<>(queries.size());
        for (int from = 0; from < queries.size(); from += lanes) {
            List<String> batch = queries.subList(from, Math.min(queries.size(), from + lanes));
            List<Boolean> json = new ArrayList<>();
            for (int i = from; i < from + batch.size(); i++) {
                json.add(i % 4 == 0);
            }
            outcomes.addAll(searchAll(batch, json, RANDOM_BOUND));
        }
        return outcomes;
    }

    private Outcome search(String query, boolean json, Duration bound) {
        return searchAll(List.of(query), List.of(json), bound).get(0);
    }

    /**
     * Runs the searches at the same time, each on its own thread with the launcher's stack size;
     * a search still running after {@code bound} is abandoned and reported as timed out.
     */
    private List<Outcome> searchAll(List<String> queries, List<Boolean> json, Duration bound) {
        int n = queries.size();
        CliRun[] runs = new CliRun[n];
        Throwable[] thrown = new Throwable[n];
        long[] took = new long[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            List<String> args = new ArrayList<>(List.of("--index", index.toString(), "search"));
            if (json.get(i)) {
                args.addAll(List.of("--format", "json"));
            }
            args.add(queries.get(i));
            int slot = i;
            threads[i] = new Thread(null, () -> {
                long started = System.nanoTime();
                try {
                    runs[slot] = CliRun.run(home, args.toArray(String[]::new));
                } catch (Throwable t) { // StackOverflowError, OutOfMemoryError: what main() reports as exit 1
                    thrown[slot] = t;
                } finally {
                    took[slot] = System.nanoTime() - started;
                }
            }, "fuzz-search-" + i, LAUNCHER_STACK_BYTES);
            threads[i].setDaemon(true); // an abandoned search cannot keep the JVM alive
        }
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread thread : threads) {
            thread.start();
        }
        List<Outcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                threads[i].join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            boolean timedOut = threads[i].isAlive();
            if (timedOut) {
                threads[i].interrupt();
            }
            outcomes.add(timedOut
                    ? new Outcome(queries.get(i), json.get(i), null, null, true, bound.toNanos(), bound)
                    : new Outcome(queries.get(i), json.get(i), runs[i], thrown[i], false, took[i], bound));
        }
        return outcomes;
    }

    /**
     * Searches each query (as text, and as JSON too when {@code bothFormats}) and fails listing
     * every run that breaks the contract or, with {@code usageError}, does not exit 2 with
     * "newsarchive: invalid query...".
     */
    private void assertEach(List<String> queries, boolean bothFormats, Duration bound, boolean usageError) {
        List<String> failures = new ArrayList<>();
        for (String query : queries) {
            for (boolean json : bothFormats ? new boolean[] {false, true} : new boolean[] {false}) {
                Outcome outcome = search(query, json, bound);
                String problem = outcome.problem();
                if (problem == null && usageError
                        && (outcome.run().code() != 2 || !outcome.run().err().startsWith("newsarchive: invalid query"))) {
                    problem = "not reported as an invalid query";
                }
                if (problem != null) {
                    failures.add(abbreviate(escape(query)) + (json ? " (--format json)" : "") + ": " + problem
                            + "\n    " + outcome.describe());
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failing:\n" + String.join("\n", failures));
    }

    /** What is wrong with a run, or null when it kept the contract. */
    static String problem(CliRun run, boolean json) {
        if (run.code() != 0 && run.code() != 2) {
            return "exit " + run.code();
        }
        if (run.err().contains("\tat ") || run.err().contains("Exception in") || run.out().contains("\tat ")) {
            return "stack trace, exit " + run.code();
        }
        if (run.code() == 2) {
            List<String> lines = run.errLines();
            if (lines.size() != 1 || !lines.get(0).startsWith("newsarchive: ")) {
                return "exit 2 without exactly one 'newsarchive: ' line on stderr";
            }
            return null;
        }
        if (!run.err().isEmpty()) {
            return "exit 0 with output on stderr";
        }
        if (json) {
            JsonNode result;
            try {
                result = CliRun.MAPPER.readTree(run.out());
            } catch (JsonProcessingException e) {
                return "exit 0 with stdout that is not JSON";
            }
            if (!result.path("total").isNumber() || !result.path("hits").isArray()) {
                return "exit 0 with JSON that is not a search result";
            }
            for (JsonNode hit : result.get("hits")) {
                if (!hit.path("score").isNumber()) {
                    return "exit 0 with a hit whose score is not a number: " + hit.path("score");
                }
            }
        }
        return null;
    }

    private static String numbered(String prefix, String separator, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining(separator));
    }

    /** The query with control and invisible characters made visible, for failure messages. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0x200b
                    || c == 0x202e || c == 0x202c || c == 0xfeff || c == 0xffff || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 200) + "... (" + s.length() + " chars)";
    }
}
