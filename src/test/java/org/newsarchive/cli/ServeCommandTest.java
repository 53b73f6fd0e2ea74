package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.server.TestArchive;

/** {@code serve}'s refusals: each one line on stderr with its exit code, before anything listens. */
class ServeCommandTest {

    @TempDir
    Path folder;

    @Test
    void aPortInUseIsOneLineAndExit2() throws IOException {
        Path index = TestArchive.build(folder);
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run(folder, "--index", index.toString(), "serve", "--port",
                    Integer.toString(taken.getLocalPort())).expect(ExitCodes.USAGE);
            assertEquals("newsarchive: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (address already in use); choose another with --port", run.oneErrorLine());
        }
    }

    @Test
    void anotherHostNeedsATokenOrNoAuth() throws IOException {
        Path index = TestArchive.build(folder);
        assertEquals("newsarchive: --host 0.0.0.0 lets other machines in: give --token FILE, or --no-auth to serve "
                + "without one", CliRun.run(folder, "--index", index.toString(), "serve", "--host", "0.0.0.0")
                .expect(ExitCodes.USAGE).oneErrorLine());
        Path shortToken = Files.writeString(folder.resolve("token"), "abc\n");
        assertEquals("newsarchive: the token in " + shortToken + " is 3 characters long; use at least 16 "
                + "(e.g. openssl rand -hex 32)", CliRun.run(folder, "--index", index.toString(), "serve", "--host",
                "0.0.0.0", "--token", shortToken.toString()).expect(ExitCodes.USAGE).oneErrorLine());
        assertEquals("newsarchive: no such file: " + folder.resolve("none") + " (--token)",
                CliRun.run(folder, "--index", index.toString(), "serve", "--token", folder.resolve("none").toString())
                        .expect(ExitCodes.USAGE).oneErrorLine());
        assertEquals("newsarchive: --timeout must be 1 or more, not 0",
                CliRun.run(folder, "--index", index.toString(), "serve", "--timeout", "0").expect(ExitCodes.USAGE)
                        .oneErrorLine());
    }

    @Test
    void noIndexIsExit4() {
        CliRun run = CliRun.run(folder, "--index", folder.resolve("missing").toString(), "serve", "--port", "0")
                .expect(ExitCodes.INDEX_UNAVAILABLE);
        assertEquals("newsarchive: no index at " + folder.resolve("missing") + ": run 'newsarchive index PATH...' first",
                run.oneErrorLine());
    }
}
