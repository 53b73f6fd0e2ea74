package org.newsarchive.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.newsarchive.query.IndexUnavailableException;

/**
 * {@code newsarchive serve}: the index over HTTP, for the web page, for scripts and for the
 * launcher, read-only, answering from the newest commit while other processes write.
 */
public final class ArchiveServer implements AutoCloseable {

    private final LiveIndex index;
    private final JdkHttpTransport transport;
    private final URI address;
    private final ServerAddressFile addressFile;
    private final String addressFileProblem;

    private ArchiveServer(LiveIndex index, JdkHttpTransport transport, URI address, ServerAddressFile addressFile,
            String addressFileProblem) {
        this.index = index;
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
     * Opens the index and starts answering.
     *
     * @throws IndexUnavailableException when there is no index or it cannot be read
     * @throws AddressInUseException     when the address cannot be listened on
     */
    public static ArchiveServer start(ServerSettings settings) throws IOException {
        LiveIndex index = LiveIndex.open(settings.index(), settings.aliases(), settings.refreshMillis());
        try {
            List<Route> routes = new ArrayList<>();
            routes.addAll(new SearchEndpoints(settings).routes());
            routes.addAll(new ArticleEndpoints(settings, settings.extractor()).routes());
            routes.addAll(new CountEndpoints(settings).routes());
            routes.add(new CliEndpoint(settings.commands(), index).route());
            Router router = new Router(settings, index, routes, version());
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
            try {
                file = ServerAddressFile.write(settings.index(), settings.host(), transport.port(),
                        settings.token() != null);
            } catch (IOException e) {
                problem = "cannot write " + settings.index().resolve(ServerAddressFile.NAME) + " ("
                        + e.getClass().getSimpleName() + "): commands will not use this server";
            }
            return new ArchiveServer(index, transport, address, file, problem);
        } catch (IOException | RuntimeException e) {
            index.close();
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

    /** Stops accepting, lets requests in flight finish for up to {@code graceSeconds}, closes the index. */
    public void stop(int graceSeconds) throws IOException {
        if (addressFile != null) {
            addressFile.remove();
        }
        transport.stop(graceSeconds);
        index.close();
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
