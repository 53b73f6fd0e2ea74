package org.newsarchive.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed Reuters development set (src/test/resources/eval/, made by
 * scripts/eval/make-reuters-devset.py) parses, names only existing Reuters files, and says
 * exactly what the editors' TOPICS tags say. The checks against the corpus skip themselves when
 * ../shared is absent.
 */
class ReutersDevSetTest {

    static final Path SHARED = Path.of(System.getProperty("newsarchive.shared", "../shared"));
    static final Path ARTICLES = SHARED.resolve("data/reuters-articles");

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ReutersDevSetTest.class.getResource("/eval/" + name).toURI());
    }

    static List<Topic> topics() throws Exception {
        return Topics.read(resource("reuters-topics.tsv"));
    }

    static Qrels qrels() throws Exception {
        return Qrels.read(resource("reuters-qrels.txt"));
    }

    @Test
    void topicsAndQrelsParseAndAgree() throws Exception {
        List<Topic> topics = topics();
        Qrels qrels = qrels();
        assertEquals(78, topics.size());
        Set<String> ids = topics.stream().map(Topic::id).collect(Collectors.toSet());
        assertEquals(ids, qrels.topics());
        for (Topic topic : topics) {
            assertTrue(qrels.relevantCount(topic.id()) >= 5, topic.id());
            assertTrue(qrels.judgements(topic.id()).values().stream().allMatch(r -> r == 1), topic.id());
            assertTrue(topic.query(TopicField.TITLE).matches("[a-z. ]+"), topic.query(TopicField.TITLE));
        }
        assertEquals("money foreign exchange", topics.stream().filter(t -> t.id().equals("money-fx")).findFirst()
                .orElseThrow().title());
        assertEquals(76, qrels.relevantCount("cocoa"));
    }

    @Test
    void everyJudgedDocumentIsAReutersFile() throws Exception {
        assumeTrue(Files.isDirectory(ARTICLES), "no Reuters corpus at " + ARTICLES);
        Set<String> files;
        try (Stream<Path> walk = Files.walk(ARTICLES)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .map(p -> DocIdScheme.nameOf(p.toString()))
                    .collect(Collectors.toSet());
        }
        assertEquals(20_841, files.size(), "file names are unique, so they can be docids");
        Qrels qrels = qrels();
        Set<String> missing = new TreeSet<>();
        for (String topic : qrels.topics()) {
            for (String docid : qrels.judgements(topic).keySet()) {
                if (!files.contains(docid)) {
                    missing.add(docid);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void relevanceIsExactlyTheEditorsTopicTags() throws Exception {
        Path tags = ARTICLES.resolve("reuters-tags.jsonl");
        assumeTrue(Files.isRegularFile(tags), "no Reuters tags at " + tags);
        Map<String, Set<String>> tagged = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader lines = Files.newBufferedReader(tags, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode record = mapper.readTree(line);
                String docid = DocIdScheme.nameOf(record.get("file").asText());
                for (JsonNode topic : record.get("topics")) {
                    tagged.computeIfAbsent(topic.asText(), t -> new HashSet<>()).add(docid);
                }
            }
        }
        Qrels qrels = qrels();
        for (Topic topic : topics()) {
            assertEquals(tagged.get(topic.id()), qrels.judgements(topic.id()).keySet(), topic.id());
        }
        Set<String> kept = tagged.entrySet().stream().filter(e -> e.getValue().size() >= 5).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertEquals(kept, qrels.topics(), "every topic with 5 or more tagged files, and no other");
    }

    @Test
    void theScriptThatMadeThemIsCommitted() throws IOException {
        Path script = Path.of("scripts/eval/make-reuters-devset.py");
        assumeTrue(Files.isRegularFile(script), "not run from the repository");
        String text = Files.readString(script);
        assertTrue(text.contains("reuters-topics.tsv") && text.contains("reuters-qrels.txt"));
    }
}
