package org.newsarchive.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsarchive.json.JsonText;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;

/**
 * {@code POST /api/cli}: runs a command line of the CLI here, for the launcher, and answers with
 * exactly what the process would have printed: the exit code and the length of standard error in
 * headers, then standard error and standard output as the body. A command line that should not
 * run here (see {@link CommandRunner#run}) gets 409, and the launcher starts a JVM instead.
 *
 * <p>Only a server of the local index runs command lines: the commands open the index it lends
 * them. A server of another archive (a SolrCloud collection) answers 501, and writes no address
 * file, so the launcher never sends it one; run the command itself with {@code --solr} and
 * {@code --collection}.
 *
 * <p>A page on another site cannot make a browser post here: the request must carry a JSON
 * content type and a custom header, which no cross-origin form may send without a CORS
 * preflight, and the server answers none.
 */
final class CliEndpoint {

    static final String HEADER = "x-newsarchive-cli";
    private static final Set<String> VARIABLES = Set.of("NEWSARCHIVE_INDEX", "NO_COLOR", "TERM");

    private final CommandRunner runner;
    private final CommandRunner.IndexLender lender;
    private final String served;

    CliEndpoint(CommandRunner runner, ServedArchive archive) {
        this.runner = runner;
        this.served = archive.describe();
        this.lender = archive instanceof LiveIndex index ? lender(index) : null;
    }

    private static CommandRunner.IndexLender lender(LiveIndex index) {
        Path real;
        try {
            real = index.location().toRealPath();
        } catch (IOException e) {
            real = index.location().toAbsolutePath().normalize();
        }
        Path location = real;
        return new CommandRunner.IndexLender() {
            @Override
            public Path location() {
                return location;
            }

            @Override
            public OpenIndex lend() throws IndexUnavailableException {
                return index.lend();
            }
        };
    }

    Route route() {
        return new Route("POST", "/api/cli", "Runs a read-only command line of the CLI (search, show, stats, "
                + "entities, timeline, similar) for the launcher: body {\"args\", \"cwd\", \"terminal\", \"env\"}.",
                List.of(), false, false, this::run);
    }

    private ApiResponse run(Route.Call call) throws IOException {
        if (lender == null) {
            throw new ApiError(501, "not-implemented", "this server serves " + served + " and runs no command "
                    + "lines; run the command itself with --solr and --collection");
        }
        if (runner == null) {
            throw new ApiError(409, "not-forwarded", "this server runs no command lines");
        }
        String type = call.request().header("content-type");
        if (call.request().header(HEADER) == null || type == null || !type.startsWith("application/json")) {
            throw new ApiError(400, "bad-request", "a command line is posted as application/json with the header "
                    + "X-Newsarchive-Cli");
        }
        JsonNode body;
        try {
            body = JsonText.mapper().readTree(call.request().body());
        } catch (IOException e) {
            throw new ApiError(400, "bad-request", "the body is not JSON");
        }
        if (body == null || !body.path("args").isArray() || !body.path("cwd").isTextual()) {
            throw new ApiError(400, "bad-request", "the body needs \"args\" (an array) and \"cwd\"");
        }
        List<String> args = new ArrayList<>();
        body.get("args").forEach(arg -> args.add(arg.asText()));
        Map<String, String> variables = new HashMap<>();
        body.path("env").fields().forEachRemaining(e -> {
            if (VARIABLES.contains(e.getKey()) && e.getValue().isTextual()) {
                variables.put(e.getKey(), e.getValue().asText());
            }
        });
        Path cwd;
        try {
            cwd = Path.of(body.get("cwd").asText());
        } catch (InvalidPathException e) {
            throw new ApiError(400, "bad-request", "cwd is not a path");
        }
        CommandRunner.Outcome outcome = runner.run(args,
                new CommandRunner.Caller(variables, cwd, body.path("terminal").asBoolean(false)), lender);
        if (outcome == null) {
            throw new ApiError(409, "not-forwarded", "this command line runs in its own process");
        }
        byte[] err = outcome.err().getBytes(StandardCharsets.UTF_8);
        byte[] out = outcome.out().getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[err.length + out.length];
        System.arraycopy(err, 0, both, 0, err.length);
        System.arraycopy(out, 0, both, err.length, out.length);
        return ApiResponse.bytes(200, "application/octet-stream", both).withHeaders(Map.of(
                "X-Exit-Code", Integer.toString(outcome.exitCode()),
                "X-Stderr-Length", Integer.toString(err.length)));
    }
}
