package org.newsarchive.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarchive.entity.ner.ConllDocument;
import org.newsarchive.entity.ner.GazetteerCounts;
import org.newsarchive.entity.ner.GazetteerEntry;
import org.newsarchive.entity.ner.GazetteerFormatException;
import org.newsarchive.entity.ner.GazetteerSource;
import org.newsarchive.entity.ner.NerLexicon;
import org.newsarchive.entity.ner.NerLexiconBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarchive ner lexicon}: word clusters, casing statistics and gazetteer phrases for training. */
@Command(name = "lexicon", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Build the recogniser's lexicon (word clusters, casing statistics, gazetteer",
            "phrases) from the training file's text, a folder of article files (*.txt)",
            "and name lists (--gazetteer); ner train --lexicon stores it in the model.",
        })
final class NerLexiconCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--conll", paramLabel = "TRAIN", required = true, description = "CoNLL training file (its text is used, not its tags).")
    private Path conll;

    @Option(names = "--corpus", paramLabel = "DIR", required = true, description = "Folder of article files, read recursively.")
    private Path corpus;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Lexicon file to write.")
    private Path out;

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = {"Name lists to add: UTF-8 lines CATEGORY<TAB>Phrase (scripts/ner/gazetteer.sh writes them).",
                "Entries whose words are mostly lower case in the corpus, or that are not 1 to 6 tokens, are dropped."})
    private Path gazetteer;

    @Option(names = "--clusters", paramLabel = "N,N,...", split = ",", defaultValue = "50,200,800",
            description = "Classes per cluster level. Default: ${DEFAULT-VALUE}.")
    private List<Integer> clusters;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "3", description = "Rarer words get no cluster. Default: ${DEFAULT-VALUE}.")
    private int minCount;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "12", description = "Exchange passes per level. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(corpus)) {
            throw new UsageException(corpus + ": not a folder");
        }
        if (minCount < 1 || iterations < 1 || clusters.stream().anyMatch(n -> n < 2)) {
            throw new UsageException("--min-count and --iterations must be 1 or more, cluster sizes 2 or more");
        }
        long start = System.nanoTime();
        List<ConllDocument> training = NerCommand.readConll(conll);
        List<GazetteerEntry> entries = gazetteer == null ? List.of() : readGazetteer(gazetteer);
        List<String[]> sentences = NerLexiconBuilder.readCorpus(corpus);
        NerLexiconBuilder.Built built = NerLexiconBuilder.build(training, sentences,
                new NerLexiconBuilder.Options(clusters, minCount, iterations), entries);
        NerLexicon lexicon = built.lexicon();
        try (OutputStream stream = Files.newOutputStream(out)) {
            lexicon.write(stream);
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("wrote %s: %,d clustered words, %,d casing entries, %sfrom %,d corpus sentences (%.0f s)%n", out,
                lexicon.clusterWords(), lexicon.casingWords(),
                gazetteer == null ? "" : String.format("%,d gazetteer phrases, ", lexicon.gazetteerPhrases()),
                sentences.size(), (System.nanoTime() - start) / 1e9);
        if (gazetteer != null) {
            printCounts(writer, built.gazetteer());
        }
        writer.flush();
        return ExitCodes.OK;
    }

    /** A missing or malformed list is a usage error (exit 2) naming the file and the line. */
    private static List<GazetteerEntry> readGazetteer(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such file");
        }
        try {
            return GazetteerSource.read(file);
        } catch (GazetteerFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read it: " + e.getMessage());
        }
    }

    /** One row per category and one for all, of what became of the entries. */
    private void printCounts(PrintWriter writer, List<GazetteerCounts> counts) {
        String format = "%-12s %9s %15s %15s %9s%n";
        writer.printf("gazetteer %s:%n", gazetteer);
        writer.printf(format, "category", "read", "dropped:casing", "dropped:length", "kept");
        for (GazetteerCounts c : counts) {
            printRow(writer, format, c);
        }
        printRow(writer, format, GazetteerCounts.total(counts));
    }

    private static void printRow(PrintWriter writer, String format, GazetteerCounts c) {
        writer.printf(format, c.category(), String.format("%,d", c.read()), String.format("%,d", c.droppedByCasing()),
                String.format("%,d", c.droppedByLength()), String.format("%,d", c.kept()));
    }
}
