package org.newsarchive.cli;

import java.util.Locale;

/** Process entry point; the only place that calls {@code System.exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        plainEnglishAsUsEnglish();
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

    /**
     * A process in plain English ({@code en}, what the JVM picks in the C and C.UTF-8 locales of
     * most servers and containers) runs in {@code en_US} instead. The CLDR data of the two are
     * the same, but {@link java.util.Formatter} prints the digits and thousands separators of
     * {@code en_US} without looking them up, while those of any other locale load the locale
     * provider's data: 12-15 ms of a 250 ms search, paid by its first {@code %d}. Any other
     * locale, or one category set apart, is left as it is.
     */
    private static void plainEnglishAsUsEnglish() {
        if (Locale.getDefault().equals(Locale.ENGLISH)
                && Locale.getDefault(Locale.Category.FORMAT).equals(Locale.ENGLISH)
                && Locale.getDefault(Locale.Category.DISPLAY).equals(Locale.ENGLISH)) {
            Locale.setDefault(Locale.US);
        }
    }
}
