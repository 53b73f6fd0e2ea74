package org.newsarchive.cli;

/** Process entry point; the only place that calls {@code System.exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = NewsArchiveCommand.commandLine(CliEnvironment.system()).execute(args);
        System.exit(code);
    }
}
