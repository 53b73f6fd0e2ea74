package org.newsarchive.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.entity.RecognizingEntityExtractor;
import org.newsarchive.entity.ner.OpenNlpMentionRecognizer;

/**
 * How a server runs: what it serves, where it listens, who may ask, and the limits that keep
 * one request from starving the others. Every limit is a {@code serve} option.
 *
 * @param index          the index folder; null for a server given the archive it serves (a SolrCloud
 *                       collection, see {@link ArchiveServer#start(ServerSettings, org.newsarchive.query.Archive, String)})
 * @param host           the address to listen on ({@code 127.0.0.1} unless told)
 * @param port           the port; 0 takes a free one
 * @param token          the bearer token every request must carry, or null for none
 * @param cors           the origin allowed to read answers from a page of its own, or null
 * @param allowedHosts   {@code Host} header names accepted besides the server's own address and
 *                       {@code localhost} (DNS rebinding defence)
 * @param maxQueryLength longest query, in characters
 * @param maxLimit       most hits per page (an export has no limit)
 * @param timeout        longest time a request may search
 * @param maxConcurrent  requests answered at once; more are refused with 503 and Retry-After
 * @param maxBodyBytes   largest request body
 * @param maxUriLength   longest request line target (path and query)
 * @param maxHeaderBytes largest sum of header names and values
 * @param refreshMillis  how often to look for a new commit
 * @param web            a folder to serve the page's files from instead of the jar (for work on
 *                       the page), or null
 * @param aliases        entity aliases for filters and mentions
 * @param extractor      the entity recogniser for mentions, made on first use
 * @param commands       runs CLI command lines for the launcher, or null to refuse them
 * @param home           the installation folder (the default index of forwarded commands)
 */
public record ServerSettings(Path index, String host, int port, String token, String cors, Set<String> allowedHosts,
        int maxQueryLength, int maxLimit, Duration timeout, int maxConcurrent, int maxBodyBytes, int maxUriLength,
        int maxHeaderBytes, long refreshMillis, Path web, AliasTable aliases, Supplier<EntityExtractor> extractor,
        CommandRunner commands, Path home) {

    public static final String LOOPBACK = "127.0.0.1";

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(aliases, "aliases");
        Objects.requireNonNull(extractor, "extractor");
        allowedHosts = Set.copyOf(allowedHosts);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
        }
    }

    /** The defaults for {@code index} on a free loopback port, with the shipped recogniser. */
    public static ServerSettings forIndex(Path index) {
        return of(Objects.requireNonNull(index, "index"));
    }

    /**
     * The defaults for a server given the archive it serves rather than an index folder (a
     * SolrCloud collection), on a free loopback port, with the shipped recogniser.
     */
    public static ServerSettings withoutIndex() {
        return of(null);
    }

    private static ServerSettings of(Path index) {
        AliasTable aliases = AliasTable.defaults();
        RecognizingEntityExtractor extractor =
                new RecognizingEntityExtractor(OpenNlpMentionRecognizer::loadDefault, aliases);
        return new ServerSettings(index, LOOPBACK, 0, null, null, Set.of(), 10_000, 1_000, Duration.ofSeconds(10),
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 1 << 20, 16_384, 32_768, 500, null,
                aliases, () -> extractor, null, Path.of("").toAbsolutePath());
    }

    public ServerSettings withAddress(String newHost, int newPort) {
        return new ServerSettings(index, newHost, newPort, token, cors, allowedHosts, maxQueryLength, maxLimit, timeout,
                maxConcurrent, maxBodyBytes, maxUriLength, maxHeaderBytes, refreshMillis, web, aliases, extractor,
                commands, home);
    }

    public ServerSettings withAccess(String newToken, String newCors, Set<String> hosts) {
        return new ServerSettings(index, host, port, newToken, newCors, hosts, maxQueryLength, maxLimit, timeout,
                maxConcurrent, maxBodyBytes, maxUriLength, maxHeaderBytes, refreshMillis, web, aliases, extractor,
                commands, home);
    }

    public ServerSettings withLimits(int queryLength, int limit, Duration time, int concurrent) {
        return new ServerSettings(index, host, port, token, cors, allowedHosts, queryLength, limit, time, concurrent,
                maxBodyBytes, maxUriLength, maxHeaderBytes, refreshMillis, web, aliases, extractor, commands, home);
    }

    public ServerSettings withRequestSizes(int bodyBytes, int uriLength, int headerBytes) {
        return new ServerSettings(index, host, port, token, cors, allowedHosts, maxQueryLength, maxLimit, timeout,
                maxConcurrent, bodyBytes, uriLength, headerBytes, refreshMillis, web, aliases, extractor, commands, home);
    }

    public ServerSettings withCommands(CommandRunner runner, Path installation) {
        return new ServerSettings(index, host, port, token, cors, allowedHosts, maxQueryLength, maxLimit, timeout,
                maxConcurrent, maxBodyBytes, maxUriLength, maxHeaderBytes, refreshMillis, web, aliases, extractor, runner,
                installation);
    }

    public ServerSettings withEntities(AliasTable table, Supplier<EntityExtractor> recogniser) {
        return new ServerSettings(index, host, port, token, cors, allowedHosts, maxQueryLength, maxLimit, timeout,
                maxConcurrent, maxBodyBytes, maxUriLength, maxHeaderBytes, refreshMillis, web, table, recogniser,
                commands, home);
    }

    public ServerSettings withWebFolder(Path folder) {
        return new ServerSettings(index, host, port, token, cors, allowedHosts, maxQueryLength, maxLimit, timeout,
                maxConcurrent, maxBodyBytes, maxUriLength, maxHeaderBytes, refreshMillis, folder, aliases, extractor,
                commands, home);
    }

    public ServerSettings withRefreshMillis(long millis) {
        return new ServerSettings(index, host, port, token, cors, allowedHosts, maxQueryLength, maxLimit, timeout,
                maxConcurrent, maxBodyBytes, maxUriLength, maxHeaderBytes, millis, web, aliases, extractor, commands,
                home);
    }
}
