package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsarchive.entity.ner.ConllDocument;
import org.newsarchive.entity.ner.NerEvaluation;
import org.newsarchive.entity.ner.NerEvaluator;
import org.newsarchive.entity.ner.NerScore;
import org.newsarchive.entity.ner.NerTagger;
import org.newsarchive.entity.ner.OpenNlpMentionRecognizer;
import org.newsarchive.json.JsonText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarchive ner eval}: exact-span scores and speed of a model on a gold CoNLL file. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Score a model on a gold CoNLL file with its given tokens: precision, recall and F1 per",
            "type and overall, exact spans as conlleval counts them, and tokens/s on one thread.",
        })
final class NerEvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--conll", paramLabel = "FILE", required = true, description = "Gold CoNLL file (IOB1 or IOB2).")
    private Path conll;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model file (default: the shipped model).")
    private Path model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Option(names = "--no-timing", description = "Skip the warm-up pass; report no speed.")
    private boolean noTiming;

    @Override
    public Integer call() throws IOException {
        List<ConllDocument> gold = NerCommand.readConll(conll);
        long loadStart = System.nanoTime();
        OpenNlpMentionRecognizer recognizer;
        if (model == null) {
            recognizer = OpenNlpMentionRecognizer.loadDefault();
        } else {
            if (!Files.isRegularFile(model)) {
                throw new UsageException(model + ": no such file");
            }
            try {
                recognizer = OpenNlpMentionRecognizer.load(model);
            } catch (IOException | RuntimeException e) {
                throw new UsageException(model + ": not a readable NER model: " + e.getMessage());
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        NerTagger tagger = new NerTagger(recognizer.model());
        NerEvaluation result = NerEvaluator.evaluate(conll.toString(), gold, tagger::tagDocument, !noTiming);
        PrintWriter out = spec.commandLine().getOut();
        String modelName = model == null ? "(shipped)" : model.toString();
        if (format == OutputFormat.TEXT) {
            printText(out, result, modelName, loadSeconds);
        } else {
            ObjectNode node = toJson(result);
            node.put("model", modelName);
            node.put("model_load_seconds", loadSeconds);
            JsonOutput.print(out, node, format);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode toJson(NerEvaluation result) {
        ObjectNode node = JsonText.object();
        node.put("file", result.file());
        node.put("documents", result.documents());
        node.put("sentences", result.sentences());
        node.put("tokens", result.tokens());
        node.set("overall", toJson(result.overall()));
        ArrayNode types = node.putArray("types");
        result.types().forEach(score -> types.add(toJson(score)));
        node.put("token_accuracy", result.tokenAccuracy());
        node.put("seconds", result.seconds());
        node.put("tokens_per_second", result.tokensPerSecond());
        return node;
    }

    private static ObjectNode toJson(NerScore score) {
        ObjectNode node = JsonText.object();
        node.put("type", score.type());
        node.put("precision", score.precision());
        node.put("recall", score.recall());
        node.put("f1", score.f1());
        node.put("gold", score.gold());
        node.put("predicted", score.predicted());
        node.put("correct", score.correct());
        return node;
    }

    private static void printText(PrintWriter out, NerEvaluation result, String modelName, double loadSeconds) {
        out.printf(Locale.ROOT, "%s: %,d documents, %,d sentences, %,d tokens; model %s%n", result.file(),
                result.documents(), result.sentences(), result.tokens(), modelName);
        out.printf(Locale.ROOT, "%-8s %9s %9s %7s %6s %6s %7s%n", "type", "precision", "recall", "F1", "gold", "found", "correct");
        for (NerScore score : result.types()) {
            printRow(out, score);
        }
        printRow(out, result.overall());
        out.printf(Locale.ROOT, "token accuracy %.2f%%%n", 100 * result.tokenAccuracy());
        if (result.tokensPerSecond() > 0) {
            out.printf(Locale.ROOT, "speed %,.0f tokens/s (one thread, after warm-up); model loaded in %.2f s%n",
                    result.tokensPerSecond(), loadSeconds);
        }
    }

    private static void printRow(PrintWriter out, NerScore score) {
        out.printf(Locale.ROOT, "%-8s %8.2f%% %8.2f%% %7.2f %6d %6d %7d%n", score.type(), 100 * score.precision(),
                100 * score.recall(), 100 * score.f1(), score.gold(), score.predicted(), score.correct());
    }
}
