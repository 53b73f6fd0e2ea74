package org.newsarchive.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarchive.entity.ner.ConllDocument;
import org.newsarchive.entity.ner.NerLexicon;
import org.newsarchive.entity.ner.NerLexiconBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarchive ner lexicon}: word clusters and casing statistics for training. */
@Command(name = "lexicon", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Build the recogniser's lexicon (word clusters, casing statistics) from the training",
            "file's text and a folder of article files (*.txt); ner train --lexicon stores it in the model.",
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
        List<String[]> sentences = NerLexiconBuilder.readCorpus(corpus);
        NerLexicon lexicon = NerLexiconBuilder.build(training, sentences,
                new NerLexiconBuilder.Options(clusters, minCount, iterations));
        try (OutputStream stream = Files.newOutputStream(out)) {
            lexicon.write(stream);
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("wrote %s: %,d clustered words, %,d casing entries, from %,d corpus sentences (%.0f s)%n", out,
                lexicon.clusterWords(), lexicon.casingWords(), sentences.size(), (System.nanoTime() - start) / 1e9);
        writer.flush();
        return ExitCodes.OK;
    }
}
