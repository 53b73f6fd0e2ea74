package org.newsarchive.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How the launcher finds a server for an index: a small file in the index folder with the
 * server's process id, address, port and whether it wants a token, written atomically (a
 * reader never sees half of it) and removed when the server stops. A file left by a server that
 * died is recognised by its process id and ignored; Lucene leaves files it does not know alone.
 */
final class ServerAddressFile {

    /** The file's name in the index folder. */
    static final String NAME = "serve.address";

    private final Path file;
    private final String content;

    private ServerAddressFile(Path file, String content) {
        this.file = file;
        this.content = content;
    }

    /** Writes the file for a server listening on {@code host:port}. */
    static ServerAddressFile write(Path index, String host, int port, boolean token) throws IOException {
        String reach = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        String content = "pid=" + ProcessHandle.current().pid() + "\nhost=" + reach + "\nport=" + port
                + "\nauth=" + (token ? "token" : "none") + "\n";
        Path file = index.resolve(NAME);
        Path temporary = index.resolve(NAME + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new ServerAddressFile(file, content);
    }

    /** Removes the file, unless another server has written its own since. */
    void remove() {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // a file that is gone or unreadable tells the launcher nothing either: it checks the pid
        }
    }
}
