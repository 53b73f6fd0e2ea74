package org.newsarchive.cli;

/** Process entry point; the only place that calls {@code System.exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            CliEnvironment system = CliEnvironment.system();
            CliEnvironment environment = system.withIndexes(IndexPrefetch.start(system, args));
            code = NewsArchiveCommand.commandLine(environment, args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("newsarchive: out of memory; give the JVM more with NEWSARCHIVE_JAVA_OPTS=-Xmx2g");
            code = ExitCodes.FAILURE;
        } catch (Throwable e) { // errors picocli does not handle (it handles exceptions)
            System.err.println("newsarchive: " + e);
            code = ExitCodes.FAILURE;
        }
        System.exit(code);
    }
}
