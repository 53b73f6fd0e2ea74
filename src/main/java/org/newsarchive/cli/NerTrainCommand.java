package org.newsarchive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.newsarchive.entity.ner.ConllDocument;
import org.newsarchive.entity.ner.NerLexicon;
import org.newsarchive.entity.ner.NerTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarchive ner train}: train a model from a CoNLL file. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Train a named-entity model on a CoNLL file (IOB1 or IOB2; the last column is the tag).",
            "The defaults are the parameters of the shipped model; training is deterministic.",
        })
final class NerTrainCommand implements Callable<Integer> {

    private static final NerTrainer.Parameters DEFAULTS = NerTrainer.Parameters.defaults();

    @Spec
    private CommandSpec spec;

    @Option(names = "--conll", paramLabel = "TRAIN", required = true, description = "CoNLL training file.")
    private Path conll;

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Model file to write.")
    private Path out;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "Lexicon from 'ner lexicon', stored in the model (default: none).")
    private Path lexicon;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "MAXENT, MAXENT_QN or PERCEPTRON. Default: ${DEFAULT-VALUE}.")
    private String algorithm = DEFAULTS.algorithm();

    @Option(names = "--iterations", paramLabel = "N", description = "Training iterations. Default: ${DEFAULT-VALUE}.")
    private int iterations = DEFAULTS.iterations();

    @Option(names = "--cutoff", paramLabel = "N", description = "Drop features seen fewer times. Default: ${DEFAULT-VALUE}.")
    private int cutoff = DEFAULTS.cutoff();

    @Option(names = "--codec", paramLabel = "NAME", description = "bio or bilou. Default: ${DEFAULT-VALUE}.")
    private String codec = DEFAULTS.codec();

    @Option(names = "--beam", paramLabel = "N", description = "Beam size when tagging. Default: ${DEFAULT-VALUE}.")
    private int beam = DEFAULTS.beamSize();

    @Option(names = "--l1", paramLabel = "COST", description = "L1 cost, MAXENT_QN only. Default: ${DEFAULT-VALUE}.")
    private double l1 = DEFAULTS.l1();

    @Option(names = "--l2", paramLabel = "COST", description = "L2 cost, MAXENT_QN only. Default: ${DEFAULT-VALUE}.")
    private double l2 = DEFAULTS.l2();

    @Option(names = "--features", paramLabel = "LIST", description = "Feature groups. Default: ${DEFAULT-VALUE}.")
    private String features = DEFAULTS.features();

    @Option(names = "--threads", paramLabel = "N", description = "Trainer threads, MAXENT and MAXENT_QN only (1 is bit-for-bit reproducible). Default: ${DEFAULT-VALUE}.")
    private int threads = DEFAULTS.threads();

    @Override
    public Integer call() throws IOException {
        NerTrainer.Parameters parameters;
        try {
            parameters = new NerTrainer.Parameters(algorithm, iterations, cutoff, codec, beam, l1, l2, features, threads);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        refuseUnused(parameters.algorithm());
        NerLexicon lex = NerLexicon.empty();
        if (lexicon != null) {
            if (!Files.isRegularFile(lexicon)) {
                throw new UsageException(lexicon + ": no such file");
            }
            try (InputStream in = Files.newInputStream(lexicon)) {
                lex = NerLexicon.read(in);
            } catch (IOException e) {
                throw new UsageException(lexicon + ": " + e.getMessage());
            }
        }
        List<ConllDocument> documents = NerCommand.readConll(conll);
        long start = System.nanoTime();
        TokenNameFinderModel model = NerTrainer.train(documents, lex, parameters);
        double seconds = (System.nanoTime() - start) / 1e9;
        NerTrainer.write(model, out);
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf(Locale.ROOT, "wrote %s (%,d bytes) in %.0f s: %s%n", out, Files.size(out), seconds, parameters);
        writer.flush();
        return ExitCodes.OK;
    }

    /** Options the chosen trainer does not read: OpenNLP would pass over them without a word. */
    private void refuseUnused(String algorithm) {
        var parsed = spec.commandLine().getParseResult();
        if (!algorithm.equals("MAXENT_QN")) {
            for (String cost : List.of("--l1", "--l2")) {
                if (parsed.hasMatchedOption(cost)) {
                    throw new UsageException(cost + " is a cost of --algorithm MAXENT_QN; " + algorithm + " has none");
                }
            }
        }
        if (algorithm.equals("PERCEPTRON") && parsed.hasMatchedOption("--threads")) {
            throw new UsageException("--threads works with --algorithm MAXENT or MAXENT_QN; PERCEPTRON trains on one thread");
        }
    }
}
