package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.json.JsonText;
import org.newsarchive.query.eval.DefaultRanker;
import org.newsarchive.query.eval.DocIdScheme;
import org.newsarchive.query.eval.EvalFileException;
import org.newsarchive.query.eval.EvalIndex;
import org.newsarchive.query.eval.Evaluation;
import org.newsarchive.query.eval.Evaluator;
import org.newsarchive.query.eval.PlainBm25Ranker;
import org.newsarchive.query.eval.Qrels;
import org.newsarchive.query.eval.Ranker;
import org.newsarchive.query.eval.RankingSpec;
import org.newsarchive.query.eval.Topic;
import org.newsarchive.query.eval.TopicField;
import org.newsarchive.query.eval.TopicResult;
import org.newsarchive.query.eval.Topics;
import org.newsarchive.query.eval.TunedRanker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsarchive eval}: ranking quality on TREC-style topics and relevance judgements. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measure ranking quality: run each topic's query against the index and print MAP,",
            "nDCG@10, P@10 and recall@100 against TREC qrels ('TOPIC 0 DOCID RELEVANCE' lines).",
            "Topics: a classic TREC topic file (<top> <num> <title> <desc> ... </top>) or TSV",
            "lines 'TOPIC<TAB>QUERY'. Topic text is plain words unless --query-syntax.",
            "DOCID is the article's file name without extension (reuters-1234) unless --docid id.",
            "See docs/ranking.md.",
        })
final class EvalCommand extends ArchiveCommand {

    @Option(names = "--topics", paramLabel = "FILE", required = true, description = "Topics: TREC topic file or TSV.")
    private Path topicsFile;

    @Option(names = "--qrels", paramLabel = "FILE", required = true, description = "Relevance judgements, TREC qrels format.")
    private Path qrelsFile;

    @Option(names = "--run-out", paramLabel = "FILE", description = "Also write the rankings as a TREC run file (TOPIC Q0 DOCID RANK SCORE TAG).")
    private Path runOut;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "1000", description = "Hits ranked per topic. Default: ${DEFAULT-VALUE}.")
    private int depth;

    @Option(names = "--ranking", paramLabel = "RANKING", defaultValue = "default",
            description = {"default (what search does), expand (what search --expand does), bm25 (the baseline: plain BM25 over headline and body as one"
                    + " field, words ORed), or an experiment 'key=value,...' (keys k1, b, headline, op, msm, phrase,"
                    + " slop, pairs, near, window, allfirst, rm3, fbdocs, fbterms; see docs/ranking.md). Default: ${DEFAULT-VALUE}."})
    private String ranking;

    @Option(names = "--docid", paramLabel = "SCHEME", defaultValue = "name",
            description = "What names articles in qrels and run: name (file name without extension) or id. Default: ${DEFAULT-VALUE}.")
    private DocIdScheme docid;

    @Option(names = "--topic-field", paramLabel = "FIELD", defaultValue = "title",
            description = "Query text of TREC topics: title, desc or title_desc. Default: ${DEFAULT-VALUE}.")
    private TopicField topicField;

    @Option(names = "--query-syntax", description = "Read topic text as query syntax (\"phrases\", OR, field:word) instead of plain words.")
    private boolean querySyntax;

    @Option(names = "--per-topic", description = "Also print each topic's figures.")
    private boolean perTopic;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        if (depth < 1) {
            throw new UsageException("--depth must be 1 or more, not " + depth);
        }
        RankingSpec spec = spec();
        List<Topic> topics;
        Qrels qrels;
        try {
            topics = Topics.read(topicsFile);
            qrels = Qrels.read(qrelsFile);
        } catch (EvalFileException e) {
            throw new UsageException(e.getMessage());
        }
        boolean fieldChosen = this.spec.commandLine().getParseResult().hasMatchedOption("--topic-field");
        if (fieldChosen && topics.stream().noneMatch(Topic::trec)) {
            throw new UsageException("--topic-field picks a part of TREC topics; " + topicsFile
                    + " holds TSV lines, one query each");
        }
        Evaluation evaluation;
        String rankerName;
        int missing;
        int judged;
        try (EvalIndex index = EvalIndex.open(indexLocation(), docid)) {
            warnIfStale(index.commitData());
            Set<String> indexed = index.docids();
            judged = 0;
            missing = 0;
            for (Topic topic : topics) {
                for (var judgement : qrels.judgements(topic.id()).entrySet()) {
                    if (judgement.getValue() > 0) {
                        judged++;
                        if (!indexed.contains(judgement.getKey())) {
                            missing++;
                        }
                    }
                }
            }
            try (Ranker ranker = ranker(index, spec); Writer run = runWriter()) {
                rankerName = ranker.name();
                evaluation = Evaluator.evaluate(topics, topicField, qrels, ranker, depth, run);
            } catch (EvalFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (evaluation.topics().isEmpty()) {
            throw new UsageException(qrelsFile + ": no topic of " + topicsFile + " has a relevant document in it");
        }
        warn(evaluation, missing, judged);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        PrintWriter out = out();
        if (format == OutputFormat.TEXT) {
            printText(out, evaluation, rankerName, tookMs);
        } else {
            JsonOutput.print(out, toJson(evaluation, rankerName, tookMs), format);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private RankingSpec spec() {
        if (!RankingSpec.looksLikeSpec(ranking)) {
            if (!ranking.equals("default") && !ranking.equals("expand") && !ranking.equals("bm25")) {
                throw new UsageException("--ranking is default, expand, bm25 or key=value,..., not '" + ranking + "'");
            }
            return null;
        }
        if (querySyntax) {
            throw new UsageException("--query-syntax works with --ranking default, expand or bm25, not with an experiment");
        }
        try {
            return RankingSpec.parse(ranking);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ranking: " + e.getMessage());
        }
    }

    private Ranker ranker(EvalIndex index, RankingSpec spec) throws IOException {
        if (spec != null) {
            return new TunedRanker(index, spec, ranking.replaceAll("\\s+", ""));
        }
        if (ranking.equals("bm25")) {
            return new PlainBm25Ranker(index, querySyntax);
        }
        return new DefaultRanker(index, new EntityNormalizer(top.aliases()), querySyntax, ranking.equals("expand"));
    }

    private Writer runWriter() {
        if (runOut == null) {
            return null;
        }
        try {
            return new BufferedWriter(Files.newBufferedWriter(runOut, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException("cannot write the run file " + runOut + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void warn(Evaluation evaluation, int missing, int judged) {
        PrintWriter err = err();
        if (!evaluation.unjudged().isEmpty()) {
            err.println("newsarchive: warning: skipped " + evaluation.unjudged().size() + " topic"
                    + (evaluation.unjudged().size() == 1 ? "" : "s") + " with no relevant document in " + qrelsFile
                    + ": " + String.join(" ", evaluation.unjudged()));
        }
        if (missing > 0) {
            err.println("newsarchive: warning: " + missing + " of " + judged + " relevant documents in " + qrelsFile
                    + " are not in the index (docids are " + (docid == DocIdScheme.NAME
                            ? "file names without extension" : "article ids") + "; see --docid)");
        }
        if (evaluation.duplicateHits() > 0) {
            err.println("newsarchive: warning: " + evaluation.duplicateHits() + " hits named by a docid already ranked"
                    + " higher for the same topic were dropped (file names repeat: try --docid id)");
        }
        err.flush();
    }

    private void printText(PrintWriter out, Evaluation evaluation, String rankerName, long tookMs) {
        if (perTopic) {
            out.printf(Locale.ROOT, "%-16s %8s %9s %8s %7s %7s %6s %6s  %s%n", "topic", "relevant", "retrieved",
                    "rel_ret", "AP", "nDCG@10", "P@10", "R@100", "query");
            for (TopicResult t : evaluation.topics()) {
                out.printf(Locale.ROOT, "%-16s %8d %9d %8d %7.4f %7.4f %6.4f %6.4f  %s%n", t.topic(), t.relevant(),
                        t.retrieved(), t.relevantRetrieved(), t.averagePrecision(), t.ndcg10(), t.precision10(),
                        t.recall100(), t.query());
            }
            out.println();
        }
        out.printf(Locale.ROOT, "ranking %s, %d topics, depth %d, docids %s  (%d ms)%n", rankerName,
                evaluation.topics().size(), depth, docid.name().toLowerCase(Locale.ROOT), tookMs);
        out.printf(Locale.ROOT, "MAP         %.4f%n", evaluation.map());
        out.printf(Locale.ROOT, "nDCG@10     %.4f%n", evaluation.ndcg10());
        out.printf(Locale.ROOT, "P@10        %.4f%n", evaluation.precision10());
        out.printf(Locale.ROOT, "recall@100  %.4f%n", evaluation.recall100());
    }

    private ObjectNode toJson(Evaluation evaluation, String rankerName, long tookMs) {
        ObjectNode root = JsonText.object();
        root.put("ranking", rankerName);
        root.put("topics", evaluation.topics().size());
        ArrayNode skipped = root.putArray("skipped_topics");
        evaluation.unjudged().forEach(skipped::add);
        root.put("depth", depth);
        root.put("docid", docid.name().toLowerCase(Locale.ROOT));
        root.put("map", evaluation.map());
        root.put("ndcg_10", evaluation.ndcg10());
        root.put("p_10", evaluation.precision10());
        root.put("recall_100", evaluation.recall100());
        root.put("took_ms", tookMs);
        if (perTopic) {
            ArrayNode rows = root.putArray("per_topic");
            for (TopicResult t : evaluation.topics()) {
                ObjectNode row = rows.addObject();
                row.put("topic", t.topic());
                row.put("query", t.query());
                row.put("relevant", t.relevant());
                row.put("retrieved", t.retrieved());
                row.put("relevant_retrieved", t.relevantRetrieved());
                row.put("ap", t.averagePrecision());
                row.put("ndcg_10", t.ndcg10());
                row.put("p_10", t.precision10());
                row.put("recall_100", t.recall100());
            }
        }
        return root;
    }
}
