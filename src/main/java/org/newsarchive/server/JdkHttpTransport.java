package org.newsarchive.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP layer: the JDK's own server ({@code com.sun.net.httpserver}), which listens about
 * 150 ms after the JVM starts and needs no dependency. It only moves bytes: sizes are checked
 * here, everything else is the {@link Router}'s, so another server library could take its
 * place by writing this one class again.
 *
 * <p>At most {@code maxConcurrent} requests are answered at once (on two cores more would only
 * share the same CPU); a request that finds them all taken waits up to {@link #SLOT_WAIT_MS} for
 * one, on one of a bounded pool of threads, and is then answered with 503 and
 * {@code Retry-After}: never a queue without end. The JDK's server reads a request on the pool's
 * threads, so a client that sends its headers slowly holds a thread: {@code maxReqTime} ends
 * such a request after {@link #REQUEST_SECONDS} seconds.
 */
final class JdkHttpTransport implements Closeable {

    /** How long a request waits for a free slot before it is refused with 503. */
    static final long SLOT_WAIT_MS = 2_000;

    /** Longest time a client may take to send its request. */
    static final int REQUEST_SECONDS = 30;

    static {
        // without it every keep-alive request waits about 40 ms for Nagle's algorithm
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final Semaphore slots;
    private final Router router;
    private final ServerSettings settings;

    private JdkHttpTransport(HttpServer server, ThreadPoolExecutor workers, Router router, ServerSettings settings) {
        this.server = server;
        this.workers = workers;
        this.slots = new Semaphore(settings.maxConcurrent());
        this.router = router;
        this.settings = settings;
    }

    /** Binds {@code address} and starts answering. */
    static JdkHttpTransport start(InetSocketAddress address, Router router, ServerSettings settings)
            throws IOException {
        HttpServer server = HttpServer.create(address, 128);
        AtomicInteger count = new AtomicInteger();
        int threads = 4 * settings.maxConcurrent();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads), runnable -> {
                    Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        JdkHttpTransport transport = new JdkHttpTransport(server, workers, router, settings);
        server.createContext("/", transport::exchange);
        server.setExecutor(workers);
        server.start();
        return transport;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) {
        // Past the pool and its queue, the request runs here on the accepting thread
        // (CallerRunsPolicy), which must not wait: a free slot now, or 503 at once.
        boolean inPool = Thread.currentThread().getName().startsWith("http-");
        boolean slot;
        try {
            slot = inPool ? slots.tryAcquire(SLOT_WAIT_MS, TimeUnit.MILLISECONDS) : slots.tryAcquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot = false;
        }
        if (!slot) {
            respond(exchange, ApiError.busy().response().withHeaders(Router.SECURITY_HEADERS), false);
            return;
        }
        try {
            ApiResponse response;
            try {
                response = router.handle(read(exchange));
            } catch (ApiError e) {
                response = e.response().withHeaders(Router.SECURITY_HEADERS);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // the router answers every exception itself; this is for what it could not
                // (a class that failed to load): an answer, never an exchange left open
                response = new ApiError(500, "internal", "the server failed to answer ("
                        + e.getClass().getSimpleName() + ")").response().withHeaders(Router.SECURITY_HEADERS);
            }
            respond(exchange, response, exchange.getRequestMethod().equals("HEAD"));
        } finally {
            slots.release();
        }
    }

    /** The request as the router sees it, or a 4xx when it is larger than the limits allow. */
    private ApiRequest read(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        int length = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (length > settings.maxUriLength()) {
            throw new ApiError(414, "uri-too-long", String.format(Locale.ROOT,
                    "the request target is %,d characters; the limit is %,d (export with /api/export, or shorten q)",
                    length, settings.maxUriLength()));
        }
        Map<String, String> headers = new HashMap<>();
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
            if (!header.getValue().isEmpty()) {
                headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
            }
        }
        if (headerBytes > settings.maxHeaderBytes()) {
            throw new ApiError(431, "headers-too-large", String.format(Locale.ROOT,
                    "the request headers are %,d bytes; the limit is %,d", headerBytes, settings.maxHeaderBytes()));
        }
        return new ApiRequest(exchange.getRequestMethod(), rawPath == null ? "/" : rawPath, parameters(rawQuery),
                headers, body(exchange));
    }

    private byte[] body(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > settings.maxBodyBytes()) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ApiError(400, "bad-request", "Content-Length is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > settings.maxBodyBytes()) {
                    throw tooLarge();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new ApiError(400, "bad-request", "the request body could not be read");
        }
    }

    private ApiError tooLarge() {
        return new ApiError(413, "too-large", String.format(Locale.ROOT, "the request body is over the limit of %,d bytes",
                settings.maxBodyBytes()));
    }

    /** Query parameters, decoded as forms are ({@code +} is a space), each name with its values in order. */
    static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad-parameter", "a query parameter is not well-formed percent-encoding: '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }

    private static void respond(HttpExchange exchange, ApiResponse response, boolean head) {
        try (exchange) {
            drain(exchange);
            Headers headers = exchange.getResponseHeaders();
            response.headers().forEach(headers::set);
            headers.set("Content-Type", response.contentType());
            if (response.stream() != null) {
                headers.set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(response.status(), head ? -1 : 0); // 0: chunked
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        response.stream().writeTo(out);
                    }
                }
                return;
            }
            byte[] body = response.body();
            if (!headers.containsKey("Cache-Control")) {
                headers.set("Cache-Control", "no-store");
            }
            if (head) {
                headers.set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(response.status(), -1);
            } else {
                exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (an export it stopped reading): nothing left to tell it
        }
    }

    /** Reads what is left of the request body, so the connection can serve the next request. */
    private static void drain(HttpExchange exchange) {
        // read, not skip: the JDK's bounded body stream passes skip() straight to the socket,
        // which then waits for bytes that never come
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) > 0) {
                // discard
            }
        } catch (IOException ignored) {
            // a broken connection: it is closed with the exchange
        }
    }

    /** Stops listening, lets requests in flight finish (up to {@code graceSeconds}), ends the workers. */
    void stop(int graceSeconds) {
        server.stop(graceSeconds);
        workers.shutdown();
        try {
            workers.awaitTermination(graceSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(0);
    }
}
