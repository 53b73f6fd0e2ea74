package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerCommandTest {

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one run, with the project's error handling. */
    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "ner";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.run(dir, all);
        return new Run(run.code(), run.out(), run.err());
    }

    /** Ten copies of a two-sentence CoNLL document, written into {@code dir}. */
    static Path tinyConll(Path dir) throws IOException {
        String document = """
                -DOCSTART- -X- O O

                John NNP I-NP I-PER
                Smith NNP I-NP I-PER
                visited VBD I-VP O
                Paris NNP I-NP I-LOC
                . . O O

                Acme NNP I-NP I-ORG
                Corp NNP I-NP I-ORG
                hired VBD I-VP O
                Mary NNP I-NP I-PER
                in IN I-PP O
                London NNP I-NP I-LOC
                . . O O

                """;
        return Files.writeString(dir.resolve("tiny.conll"), document.repeat(10));
    }

    @Test
    void trainsThenEvaluatesAsTextAndJson() throws IOException {
        Path conll = tinyConll(dir);
        Path model = dir.resolve("tiny.bin");
        Run train = run("train", "--conll", conll.toString(), "--out", model.toString(),
                "--algorithm", "perceptron", "--iterations", "20", "--cutoff", "0");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().startsWith("wrote " + model), train.out());
        assertTrue(Files.size(model) > 0);

        Run text = run("eval", "--conll", conll.toString(), "--model", model.toString(), "--no-timing");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("overall    100.00%   100.00%  100.00"), text.out());
        assertTrue(text.out().contains("PER        100.00%   100.00%  100.00     20     20      20"), text.out());

        Run json = run("eval", "--conll", conll.toString(), "--model", model.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(1.0, root.get("overall").get("f1").asDouble());
        assertEquals(3, root.get("types").size(), "LOC, ORG, PER");
        assertEquals(120, root.get("tokens").asInt());
        assertTrue(root.get("tokens_per_second").asDouble() > 0);
    }

    @Test
    void buildsALexiconThatTrainingStoresInTheModel() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus/1987"));
        Files.writeString(corpus.resolve("a.txt"), " date 1987-02-26 SMITH VISITS PARIS\n\n"
                + "John Smith visited Paris on Monday. Mary Jones visited London on Tuesday.\n");
        Path lexicon = dir.resolve("lexicon.txt");
        Run built = run("lexicon", "--conll", tinyConll(dir).toString(), "--corpus", dir.resolve("corpus").toString(),
                "--out", lexicon.toString(), "--clusters", "2,4", "--min-count", "1", "--iterations", "3");
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().startsWith("wrote " + lexicon + ": "), built.out());
        assertTrue(Files.readString(lexicon).contains("C\tParis\t"), "Paris has clusters");

        Path model = dir.resolve("with-lexicon.bin");
        Run train = run("train", "--conll", tinyConll(dir).toString(), "--out", model.toString(), "--lexicon",
                lexicon.toString(), "--algorithm", "PERCEPTRON", "--iterations", "10");
        assertEquals(0, train.code(), train.err());
        Run eval = run("eval", "--conll", tinyConll(dir).toString(), "--model", model.toString(), "--no-timing",
                "--format", "jsonl");
        assertEquals(0, eval.code(), eval.err());
        assertEquals(1, eval.out().strip().lines().count(), "jsonl is one line");

        Run notAFolder = run("lexicon", "--conll", tinyConll(dir).toString(), "--corpus", lexicon.toString(),
                "--out", dir.resolve("x.txt").toString());
        assertEquals(ExitCodes.USAGE, notAFolder.code());
        assertEquals("newsarchive: " + lexicon + ": not a folder\n", notAFolder.err());
    }

    @Test
    void malformedConllIsAUsageErrorNamingFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.conll"), "EU I-ORG\nrejects\n");
        Run result = run("eval", "--conll", bad.toString(), "--no-timing");
        assertEquals(ExitCodes.USAGE, result.code());
        assertEquals("newsarchive: " + bad + ":2: expected a token and an NER tag, found 1 column: 'rejects'\n",
                result.err());
        assertEquals("", result.out());
    }

    @Test
    void missingFilesAreUsageErrors() throws IOException {
        Path missing = dir.resolve("missing.conll");
        Run noConll = run("train", "--conll", missing.toString(), "--out", dir.resolve("m.bin").toString());
        assertEquals(ExitCodes.USAGE, noConll.code());
        assertEquals("newsarchive: " + missing + ": no such file\n", noConll.err());

        Run noModel = run("eval", "--conll", tinyConll(dir).toString(), "--model", dir.resolve("none.bin").toString());
        assertEquals(ExitCodes.USAGE, noModel.code());
        assertTrue(noModel.err().contains("none.bin: no such file"), noModel.err());

        Path notAModel = Files.writeString(dir.resolve("text.bin"), "hello");
        Run badModel = run("eval", "--conll", tinyConll(dir).toString(), "--model", notAModel.toString());
        assertEquals(ExitCodes.USAGE, badModel.code());
        assertTrue(badModel.err().startsWith("newsarchive: " + notAModel + ": not a readable NER model"), badModel.err());
    }

    @Test
    void badParametersAreUsageErrors() throws IOException {
        Run result = run("train", "--conll", tinyConll(dir).toString(), "--out", dir.resolve("m.bin").toString(),
                "--codec", "bioes");
        assertEquals(ExitCodes.USAGE, result.code());
        assertEquals("newsarchive: unknown codec bioes (bio or bilou)\n", result.err());
        assertEquals(ExitCodes.USAGE, run().code(), "a subcommand is required");
    }
}
