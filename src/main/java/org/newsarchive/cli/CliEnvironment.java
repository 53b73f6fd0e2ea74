package org.newsarchive.cli;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.newsarchive.entity.MentionRecognizer;
import org.newsarchive.entity.ner.OpenNlpMentionRecognizer;

/**
 * What the commands learn from outside their arguments: environment variables, where the
 * installation lives, whether output goes to a terminal. Injected so that tests control it
 * instead of inheriting the machine's.
 *
 * @param variables environment variables ({@code NEWSARCHIVE_INDEX}, {@code NO_COLOR}, {@code TERM})
 * @param home      the installation (repository) folder whose {@code index-data/} is the default index
 * @param terminal  whether standard output is an interactive terminal
 * @param recognizer the named-entity recogniser, created only when a command needs it (loading
 *                   a model costs time a search must never pay)
 * @param indexes   how commands open the index they read ({@link IndexPrefetch} in a process)
 * @param standardInput what {@code index -} reads
 */
public record CliEnvironment(Map<String, String> variables, Path home, boolean terminal,
        Supplier<MentionRecognizer> recognizer, IndexOpener indexes, InputStream standardInput) {

    /** Environment variable that sets the index location. */
    public static final String INDEX_VARIABLE = "NEWSARCHIVE_INDEX";

    /** System property the launcher sets to the repository folder. */
    public static final String HOME_PROPERTY = "newsarchive.home";

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** An environment reading this process's standard input. */
    public CliEnvironment(Map<String, String> variables, Path home, boolean terminal,
            Supplier<MentionRecognizer> recognizer, IndexOpener indexes) {
        this(variables, home, terminal, recognizer, indexes, System.in);
    }

    /** An environment with this recogniser, whose commands open indexes when they need them. */
    public CliEnvironment(Map<String, String> variables, Path home, boolean terminal,
            Supplier<MentionRecognizer> recognizer) {
        this(variables, home, terminal, recognizer, IndexOpener.DIRECT);
    }

    /** An environment with the shipped recogniser. */
    public CliEnvironment(Map<String, String> variables, Path home, boolean terminal) {
        this(variables, home, terminal, new ShippedRecognizer());
    }

    /** This environment with another way of opening indexes. */
    public CliEnvironment withIndexes(IndexOpener opener) {
        return new CliEnvironment(variables, home, terminal, recognizer, opener, standardInput);
    }

    /** This environment reading {@code in} as its standard input. */
    public CliEnvironment withStandardInput(InputStream in) {
        return new CliEnvironment(variables, home, terminal, recognizer, indexes, in);
    }

    /** The real environment of this process. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), detectHome(), System.console() != null);
    }

    /**
     * Loads the shipped recogniser when asked. A class rather than a method reference, for the
     * reason given at {@link IndexOpener#DIRECT}: every process builds an environment before it
     * starts opening its index.
     */
    private static final class ShippedRecognizer implements Supplier<MentionRecognizer> {
        @Override
        public MentionRecognizer get() {
            return OpenNlpMentionRecognizer.loadDefault();
        }
    }

    /** The index used when no {@code --index} is given. */
    public Path defaultIndex() {
        String configured = variables.get(INDEX_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return home.resolve("index-data");
    }

    /** Whether to mark matches with ANSI bold when the user left it to us. */
    public boolean colorByDefault() {
        return terminal && !variables.containsKey("NO_COLOR") && !"dumb".equals(variables.get("TERM"));
    }

    /**
     * The repository folder: given by the launcher, else the folder above {@code target/} when
     * running from the built jar, else the working directory.
     */
    private static Path detectHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        try {
            Path code = Path.of(CliEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = code.getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("target")
                    && parent.getParent() != null && Files.isDirectory(parent.getParent().resolve("index-data"))) {
                return parent.getParent();
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // no code source (unusual class loader): fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
