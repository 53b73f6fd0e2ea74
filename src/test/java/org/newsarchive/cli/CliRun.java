package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the CLI through {@link CommandLine#execute} with captured output: never touches
 * {@code System.out}, {@code System.err} or the real environment.
 *
 * @param code exit code
 * @param out  what the command printed on its standard output
 * @param err  what the command printed on its standard error
 */
record CliRun(int code, String out, String err, List<String> args) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs with an empty environment, not on a terminal. */
    static CliRun run(Path home, String... args) {
        return run(home, Map.of(), false, args);
    }

    /** Runs with {@code input} as standard input, not on a terminal. */
    static CliRun runWithInput(Path home, String input, String... args) {
        return run(new CliEnvironment(Map.of(), home, false)
                .withStandardInput(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))), args);
    }

    /** Runs with the given environment variables, not on a terminal. */
    static CliRun run(Path home, Map<String, String> env, String... args) {
        return run(home, env, false, args);
    }

    /** Runs with the given environment variables, on a terminal or not. */
    static CliRun run(Path home, Map<String, String> env, boolean terminal, String... args) {
        return run(new CliEnvironment(env, home, terminal), args);
    }

    /** Runs in the given environment (for example with a test recogniser). */
    static CliRun run(CliEnvironment environment, String... args) {
        CommandLine cmd = NewsArchiveCommand.commandLine(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new CliRun(code, out.toString(), err.toString(), List.of(args));
    }

    /** Asserts the exit code, showing the whole run when it differs. */
    CliRun expect(int expectedCode) {
        assertEquals(expectedCode, code, () -> "exit code of " + args + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err);
        return this;
    }

    /** Standard output parsed as one JSON document. */
    JsonNode json() {
        try {
            return MAPPER.readTree(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + out, e);
        }
    }

    /** Standard output parsed as JSON lines (one document per non-empty line). */
    List<JsonNode> jsonLines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                nodes.add(MAPPER.readTree(line));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return nodes;
    }

    /** The non-empty lines of standard error. */
    List<String> errLines() {
        return Arrays.stream(err.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    /** Asserts that stderr is exactly one line and holds no stack trace; returns that line. */
    String oneErrorLine() {
        assertNoStackTrace();
        List<String> lines = errLines();
        assertEquals(1, lines.size(), () -> "expected one line on stderr for " + args + ", got:\n" + err);
        return lines.get(0);
    }

    /** Asserts that stderr shows no Java stack trace. */
    CliRun assertNoStackTrace() {
        assertFalse(err.contains("\tat "), () -> "stack trace on stderr for " + args + ":\n" + err);
        assertFalse(err.contains("Exception in"), () -> "stack trace on stderr for " + args + ":\n" + err);
        assertFalse(out.contains("\tat "), () -> "stack trace on stdout for " + args + ":\n" + out);
        return this;
    }

    /** Asserts that stderr is empty. */
    CliRun assertQuiet() {
        assertTrue(err.isEmpty(), () -> "unexpected stderr for " + args + ":\n" + err);
        return this;
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The article id the archive gives a file: first 16 hex digits of SHA-256 of its real path. */
    static String idOf(Path realPath) {
        return sha256Hex(realPath.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
