package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that a command would accept and then pass over are refused with one usage line naming
 * the option and why, so that nobody reads an answer as if they had been applied. Each refusal
 * comes before the index or any input is read.
 */
class IgnoredOptionsTest {

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.run(tmp, args);
    }

    private String refused(String... args) {
        return run(args).expect(ExitCodes.USAGE).oneErrorLine();
    }

    @Test
    void expandWithAnOrderByDateIsRefused() {
        Path index = tmp.resolve("index");
        assertEquals("newsarchive: --expand changes the ranking by relevance: it takes no --sort newest",
                refused("--index", index.toString(), "search", "--expand", "--sort", "newest", "strike"));
        assertEquals("newsarchive: --expand changes the ranking by relevance: it takes no --sort oldest",
                refused("--index", index.toString(), "search", "--sort", "oldest", "--expand", "strike"));
    }

    @Test
    void expandWithAnExportIsRefused() {
        Path index = tmp.resolve("index");
        assertEquals("newsarchive: --all exports every match ranked without feedback: it takes no --expand",
                refused("--index", index.toString(), "search", "--all", "--format", "jsonl", "--expand", "strike"));
    }

    @Test
    void pruneWithOnlyStandardInputIsRefused() {
        Path index = tmp.resolve("index");
        assertEquals("newsarchive: --prune removes the articles of deleted files under PATH; standard input has none",
                refused("--index", index.toString(), "index", "--prune", "-"));
    }

    @Test
    void topicFieldWithTsvTopicsIsRefused() throws IOException {
        Path topics = Files.writeString(tmp.resolve("topics.tsv"), "t1\tcocoa prices\n");
        Path qrels = Files.writeString(tmp.resolve("qrels.txt"), "t1 0 reuters-1 1\n");
        assertEquals("newsarchive: --topic-field picks a part of TREC topics; " + topics
                        + " holds TSV lines, one query each",
                refused("--index", tmp.resolve("index").toString(), "eval", "--topics", topics.toString(),
                        "--qrels", qrels.toString(), "--topic-field", "desc"));
    }

    @Test
    void trainingCostsAndThreadsTheAlgorithmDoesNotUseAreRefused() {
        String conll = tmp.resolve("train.conll").toString();
        String model = tmp.resolve("model.bin").toString();
        assertEquals("newsarchive: --l1 is a cost of --algorithm MAXENT_QN; PERCEPTRON has none",
                refused("ner", "train", "--conll", conll, "--out", model, "--l1", "0.5"));
        assertEquals("newsarchive: --l2 is a cost of --algorithm MAXENT_QN; MAXENT has none",
                refused("ner", "train", "--conll", conll, "--out", model, "--algorithm", "maxent", "--l2", "0.5"));
        assertEquals("newsarchive: --threads works with --algorithm MAXENT or MAXENT_QN; PERCEPTRON trains on one thread",
                refused("ner", "train", "--conll", conll, "--out", model, "--threads", "2"));
        // the options the algorithm reads still pass the check (and the run stops at the missing file)
        assertEquals("newsarchive: " + conll + ": no such file",
                refused("ner", "train", "--conll", conll, "--out", model, "--algorithm", "MAXENT_QN", "--l1", "0.5",
                        "--threads", "2"));
    }
}
