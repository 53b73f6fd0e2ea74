package org.newsarchive.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.newsarchive.query.Archive;
import org.newsarchive.query.IndexUnavailableException;

/**
 * {@code newsarchive serve}: the archive over HTTP, for the web page, for scripts and for the
 * launcher, read-only. It serves either the local index, answering from the newest commit while
 * other processes write ({@link #start(ServerSettings)}), or an archive given to it that keeps
 * itself fresh, a SolrCloud collection ({@link #start(ServerSettings, Archive, String)}); the
 * routes are the same, and only the first runs the launcher's command lines.
 */
public final class ArchiveServer implements AutoCloseable {

    private final ServedArchive served;
    private final JdkHttpTransport transport;
    private final URI address;
    private final ServerAddressFile addressFile;
    private final String addressFileProblem;

    private ArchiveServer(ServedArchive served, JdkHttpTransport transport, URI address, ServerAddressFile addressFile,
            String addressFileProblem) {
        this.served = served;
        this.transport = transport;
        this.address = address;
        this.addressFile = addressFile;
        this.addressFileProblem = addressFileProblem;
    }

    /** Thrown when the address cannot be listened on (the port is taken, the host is not ours). */
    public static final class AddressInUseException extends IOException {
        public AddressInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Opens the index of {@code settings.index()} and starts answering, writing the address file
     * the launcher looks for into the index folder.
     *
     * @throws IndexUnavailableException when there is no index or it cannot be read
     * @throws AddressInUseException     when the address cannot be listened on
     */
    public static ArchiveServer start(ServerSettings settings) throws IOException {
        Objects.requireNonNull(settings.index(), "settings.index(): the index to serve");
        return start(settings, LiveIndex.open(settings.index(), settings.aliases(), settings.refreshMillis()));
    }

    /**
     * Starts answering from {@code archive}, an archive that stays fresh by itself and answers
     * concurrent requests (a SolrCloud collection): one for the server's life, closed when it
     * stops. It writes no address file and runs no command lines ({@code POST /api/cli} answers
     * 501); {@code settings.index()} is not read.
     *
     * @param description the archive in words, for messages (e.g. {@code collection news on http://solr:8983/solr})
     * @throws AddressInUseException when the address cannot be listened on (the archive is closed then)
     */
    public static ArchiveServer start(ServerSettings settings, Archive archive, String description) throws IOException {
        return start(settings, new SharedArchive(archive, description));
    }

    private static ArchiveServer start(ServerSettings settings, ServedArchive served) throws IOException {
        try {
            List<Route> routes = new ArrayList<>();
            routes.addAll(new SearchEndpoints(settings).routes());
            routes.addAll(new ArticleEndpoints(settings, settings.extractor()).routes());
            routes.addAll(new CountEndpoints(settings).routes());
            routes.add(new CliEndpoint(settings.commands(), served).route());
            Router router = new Router(settings, served, routes, version());
            JdkHttpTransport transport;
            try {
                transport = JdkHttpTransport.start(new InetSocketAddress(settings.host(), settings.port()), router,
                        settings);
            } catch (BindException e) {
                throw new AddressInUseException("cannot listen on " + settings.host() + ":" + settings.port() + " ("
                        + (e.getMessage() == null ? "in use" : e.getMessage().toLowerCase(java.util.Locale.ROOT))
                        + "); choose another with --port", e);
            }
            String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
            URI address = URI.create("http://" + host + ":" + transport.port() + "/");
            ServerAddressFile file = null;
            String problem = null;
            if (served instanceof LiveIndex index) {
                try {
                    file = ServerAddressFile.write(index.location(), settings.host(), transport.port(),
                            settings.token() != null);
                } catch (IOException e) {
                    problem = "cannot write " + index.location().resolve(ServerAddressFile.NAME) + " ("
                            + e.getClass().getSimpleName() + "): commands will not use this server";
                }
            }
            return new ArchiveServer(served, transport, address, file, problem);
        } catch (IOException | RuntimeException e) {
            served.close();
            throw e;
        }
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        return address;
    }

    /** Why the launcher cannot find this server, or null when it can. */
    public String addressFileProblem() {
        return addressFileProblem;
    }

    /** Stops accepting, lets requests in flight finish for up to {@code graceSeconds}, closes the archive. */
    public void stop(int graceSeconds) throws IOException {
        if (addressFile != null) {
            addressFile.remove();
        }
        transport.stop(graceSeconds);
        served.close();
    }

    @Override
    public void close() throws IOException {
        stop(1);
    }

    private static String version() {
        Package p = ArchiveServer.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
