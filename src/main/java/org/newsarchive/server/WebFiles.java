package org.newsarchive.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web page's own files, from the jar (or a folder, while working on the page). Only a plain
 * file name of the page's folder is ever looked up: no slash, no dot-dot, no escape, so no
 * request can reach any other file.
 */
final class WebFiles {

    private static final String RESOURCES = "org/newsarchive/server/web/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg|png|ico|txt)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final Path folder;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    WebFiles(Path folder) {
        this.folder = folder;
    }

    /** The answer for a path outside {@code /api/}, or null when there is no such file. */
    ApiResponse get(String path) throws IOException {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        byte[] bytes = folder != null ? fromFolder(name) : cache.computeIfAbsent(name, WebFiles::fromJar);
        if (bytes == null || bytes.length == 0 && folder == null) {
            return null;
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        return ApiResponse.bytes(200, type, bytes).withHeaders(Map.of("Cache-Control", "no-cache"));
    }

    private byte[] fromFolder(String name) throws IOException {
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /** The file's bytes, or an empty array (remembered as absent) when the jar has none. */
    private static byte[] fromJar(String name) {
        try (InputStream in = WebFiles.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
