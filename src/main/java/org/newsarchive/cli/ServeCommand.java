package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.lucene.search.IndexSearcher;
import org.newsarchive.entity.RecognizingEntityExtractor;
import org.newsarchive.query.Archive;
import org.newsarchive.query.FirstLine;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.server.ArchiveServer;
import org.newsarchive.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsarchive serve}: the index over HTTP, with a web page, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serve the index over HTTP: a web page at / and a JSON API under /api/ (see docs/http-api.md),",
            "read-only, answering from the newest commit while 'index' runs beside it. Listens on",
            "127.0.0.1 only unless --host says otherwise, which needs --token FILE or --no-auth.",
            "While it runs, scripts/newsarchive sends search, show, stats, entities, timeline and",
            "similar to it instead of starting a JVM. Ctrl-C or SIGTERM stops it.",
            "With --solr URL --collection NAME it serves that SolrCloud collection instead (the same",
            "page and API; SolrCloud keeps it fresh; the launcher's command lines are not run there).",
        })
final class ServeCommand extends ArchiveCommand {

    @Mixin
    SolrOptions solr;

    @Override
    SolrOptions solrOptions() {
        return solr;
    }

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerSettings.LOOPBACK,
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    private String host;

    @Option(names = "--token", paramLabel = "FILE", description = "Every request needs 'Authorization: Bearer TOKEN', TOKEN being the first line of FILE ('-': standard input).")
    private String tokenFile;

    @Option(names = "--no-auth", description = "Listen on a non-loopback address without a token (anyone who reaches it can search).")
    private boolean noAuth;

    @Option(names = "--cors", paramLabel = "ORIGIN", description = "Let pages of ORIGIN (e.g. https://news.example.org, or *) read the answers. Default: none.")
    private String cors;

    @Option(names = "--allow-host", paramLabel = "NAME", description = "Also answer requests addressed to this host name, e.g. the name a reverse proxy forwards (repeatable).")
    private List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--max-query-length", paramLabel = "CHARS", defaultValue = "10000", description = "Longest query. Default: ${DEFAULT-VALUE}.")
    private int maxQueryLength;

    @Option(names = "--max-limit", paramLabel = "N", defaultValue = "1000", description = "Most hits per page (more: /api/export). Default: ${DEFAULT-VALUE}.")
    private int maxLimit;

    @Option(names = "--max-clauses", paramLabel = "N", defaultValue = "1024", description = "Most terms a wildcard or fuzzy word may expand to. Default: ${DEFAULT-VALUE}.")
    private int maxClauses;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Longest time a request may search. Default: ${DEFAULT-VALUE}.")
    private int timeoutSeconds;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "Requests answered at once; more get 503 with Retry-After. Default: twice the cores, at least 4.")
    private Integer maxConcurrent;

    @Override
    public Integer call() throws IOException {
        positive("--max-query-length", maxQueryLength);
        positive("--max-limit", maxLimit);
        positive("--max-clauses", maxClauses);
        positive("--timeout", timeoutSeconds);
        if (maxConcurrent != null) {
            positive("--max-concurrent", maxConcurrent);
        }
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be from 0 to 65535, not " + port);
        }
        String token = tokenFile == null ? null : readToken(tokenFile);
        if (token != null && noAuth) {
            throw new UsageException("--token and --no-auth contradict each other");
        }
        boolean loopback = isLoopback(host);
        if (!loopback && token == null && !noAuth) {
            throw new UsageException("--host " + host + " lets other machines in: give --token FILE, or --no-auth to "
                    + "serve without one");
        }
        boolean onSolr = onSolr();
        Path index = onSolr ? null : indexLocation();
        ServerSettings defaults = onSolr ? ServerSettings.withoutIndex() : ServerSettings.forIndex(index);
        ServerSettings settings = defaults
                .withAddress(host, port)
                .withAccess(token, cors, Set.copyOf(allowedHosts))
                .withLimits(maxQueryLength, maxLimit, Duration.ofSeconds(timeoutSeconds),
                        maxConcurrent == null ? defaults.maxConcurrent() : maxConcurrent)
                .withEntities(top.aliases(), () -> new RecognizingEntityExtractor(top.environment().recognizer(),
                        uncheckedAliases()))
                .withCommands(onSolr ? null : new ForwardedCommands(top.environment().home()), top.environment().home());
        String web = System.getProperty("newsarchive.web");
        if (web != null && !web.isBlank()) {
            settings = settings.withWebFolder(Path.of(web));
        }
        IndexSearcher.setMaxClauseCount(maxClauses);
        ArchiveServer server;
        String served;
        try {
            if (onSolr) {
                served = SolrArchiveOpener.describe(solr); // its own class: a local serve loads no Solr class
                server = ArchiveServer.start(settings, openCollection(served), served);
            } else {
                served = index.toAbsolutePath().normalize().toString();
                server = ArchiveServer.start(settings);
            }
        } catch (ArchiveServer.AddressInUseException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(5);
            } catch (IOException ignored) {
                // stopping anyway
            } finally {
                stopped.countDown();
            }
        }, "serve-stop"));
        PrintWriter err = err();
        if (noAuth && !loopback) {
            err.println("newsarchive: warning: serving " + host + " without a token: anyone who can reach this "
                    + "machine can search the archive");
        }
        if (server.addressFileProblem() != null) {
            err.println("newsarchive: note: " + server.addressFileProblem());
        }
        err.flush();
        PrintWriter out = out();
        out.println("newsarchive: serving " + served + " at " + server.address() + " (Ctrl-C stops)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(5);
        }
        return ExitCodes.OK;
    }

    /**
     * Opens the collection of {@code --solr} and asks it for its article count once, so that a
     * wrong address or collection is a one-line error now (exit 4, as a missing local index)
     * rather than a server answering 503 to everything.
     */
    private Archive openCollection(String served) throws IOException {
        Archive archive;
        try {
            archive = openSearcher();
        } catch (RuntimeException e) {
            if (e instanceof UsageException) {
                throw e;
            }
            throw unreachable(served, e);
        }
        try {
            archive.articles();
            return archive;
        } catch (UncheckedIOException e) {
            archive.close();
            throw e.getCause() instanceof IndexUnavailableException cause ? cause : unreachable(served, e.getCause());
        } catch (RuntimeException e) {
            archive.close();
            throw unreachable(served, e);
        }
    }

    private static IndexUnavailableException unreachable(String served, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : FirstLine.of(e.getMessage());
        return new IndexUnavailableException("cannot read " + served + ": " + why, e);
    }

    private org.newsarchive.entity.AliasTable uncheckedAliases() {
        try {
            return top.aliases();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new UsageException(option + " must be 1 or more, not " + value);
        }
    }

    private String readToken(String file) {
        String text;
        try {
            text = file.equals("-")
                    ? new String(top.environment().standardInput().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file + " (--token)");
        } catch (IOException e) {
            throw new UsageException("cannot read the token file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        String token = text.lines().findFirst().orElse("").strip();
        if (token.length() < 16) {
            throw new UsageException("the token in " + file + " is " + token.length()
                    + " characters long; use at least 16 (e.g. openssl rand -hex 32)");
        }
        return token;
    }

    /** Whether {@code host} is this machine's loopback address: 127.0.0.0/8, ::1 or localhost. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + " is not an address of this machine");
        }
    }
}
