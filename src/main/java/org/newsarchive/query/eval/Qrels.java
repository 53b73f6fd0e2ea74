package org.newsarchive.query.eval;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgements in the TREC qrels format: one judgement a line,
 * {@code TOPIC ITERATION DOCID RELEVANCE}, separated by white space. The iteration field is
 * ignored (it is 0 in practice); relevance is an integer, and a document is relevant when it is
 * 1 or more (graded relevance counts in nDCG). Blank lines are allowed; anything else that is
 * not four fields with an integer relevance is an error naming the file and line, and so is a
 * second judgement of the same document for the same topic.
 */
public final class Qrels {

    private final Map<String, Map<String, Integer>> byTopic;

    private Qrels(Map<String, Map<String, Integer>> byTopic) {
        this.byTopic = byTopic;
    }

    /** Reads a qrels file. */
    public static Qrels read(Path file) throws EvalFileException {
        return parse(file.toString(), EvalFiles.read(file));
    }

    /** Parses the text of a qrels file; {@code fileName} names it in errors. */
    public static Qrels parse(String fileName, String text) throws EvalFileException {
        Map<String, Map<String, Integer>> byTopic = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 4) {
                throw new EvalFileException(fileName, lineNumber,
                        "expected 'TOPIC ITERATION DOCID RELEVANCE' (4 fields), found " + fields.length);
            }
            int relevance;
            try {
                relevance = Integer.parseInt(fields[3]);
            } catch (NumberFormatException e) {
                throw new EvalFileException(fileName, lineNumber,
                        "relevance '" + fields[3] + "' is not an integer");
            }
            String topic = fields[0];
            String docid = fields[2];
            Integer previous = firstLine.putIfAbsent(topic + "\u0000" + docid, lineNumber);
            if (previous != null) {
                throw new EvalFileException(fileName, lineNumber,
                        "topic " + topic + " judges " + docid + " a second time (first on line " + previous + ")");
            }
            byTopic.computeIfAbsent(topic, t -> new HashMap<>()).put(docid, relevance);
        }
        if (byTopic.isEmpty()) {
            throw new EvalFileException(fileName, "no judgements");
        }
        Map<String, Map<String, Integer>> frozen = new LinkedHashMap<>();
        byTopic.forEach((topic, judged) -> frozen.put(topic, Collections.unmodifiableMap(judged)));
        return new Qrels(Collections.unmodifiableMap(frozen));
    }

    /** The judgements of a topic (document to relevance), empty when the topic has none. */
    public Map<String, Integer> judgements(String topic) {
        return byTopic.getOrDefault(topic, Map.of());
    }

    /** The topics that have judgements, in file order. */
    public Set<String> topics() {
        return byTopic.keySet();
    }

    /** How many documents of a topic are relevant (relevance 1 or more). */
    public int relevantCount(String topic) {
        return (int) judgements(topic).values().stream().filter(r -> r > 0).count();
    }
}
