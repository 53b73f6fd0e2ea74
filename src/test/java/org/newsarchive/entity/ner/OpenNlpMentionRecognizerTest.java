package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsarchive.entity.EntityType;
import org.newsarchive.entity.Mention;

/** The shipped model on real text. */
class OpenNlpMentionRecognizerTest {

    private static final Path SEED = Path.of("seeds/000_ec52301a8b636dd9.txt");

    private static String seedText() throws IOException {
        return Files.readString(SEED, StandardCharsets.UTF_8);
    }

    private static Set<String> found(List<Mention> mentions, EntityType type) {
        return mentions.stream().filter(m -> m.type() == type).map(Mention::text).collect(Collectors.toSet());
    }

    @Test
    void findsTheNamesOfTheSeedArticle() throws IOException {
        String text = seedText();
        List<Mention> mentions = OpenNlpMentionRecognizer.loadDefault().recognize(text);
        Set<String> people = found(mentions, EntityType.PERSON);
        Set<String> places = found(mentions, EntityType.LOCATION);
        Set<String> organisations = found(mentions, EntityType.ORGANIZATION);
        for (String person : List.of("Liu Zhenli", "Nancy Pelosi", "Xi Jinping", "Joe Biden")) {
            assertTrue(people.contains(person), person + " in " + people);
        }
        assertTrue(people.contains("Charles Brown") || people.contains("Brown"), people.toString());
        for (String place : List.of("China", "Taiwan", "South China Sea", "San Francisco")) {
            assertTrue(places.contains(place), place + " in " + places);
        }
        assertTrue(places.contains("US") || places.contains("United States"), places.toString());
        for (String organisation : List.of("Central Military Commission", "Asia-Pacific Economic Cooperation", "APEC")) {
            assertTrue(organisations.contains(organisation), organisation + " in " + organisations);
        }
    }

    @Test
    void offsetsPointAtTheMentionsInOrderWithoutOverlap() throws IOException {
        String text = seedText();
        List<Mention> mentions = OpenNlpMentionRecognizer.loadDefault().recognize(text);
        assertTrue(mentions.size() > 20, mentions.toString());
        int previousEnd = 0;
        for (Mention mention : mentions) {
            assertEquals(mention.text(), text.substring(mention.start(), mention.end()));
            assertTrue(mention.start() >= previousEnd, "in order, not overlapping: " + mention);
            previousEnd = mention.end();
        }
    }

    @Test
    void curlyQuotesAndPossessivesKeepExactOffsets() {
        String text = "\u201cWe agree,\u201d said Germany\u2019s Angela Merkel in Berlin.";
        List<Mention> mentions = OpenNlpMentionRecognizer.loadDefault().recognize(text);
        assertTrue(mentions.contains(new Mention(EntityType.LOCATION, "Germany", 17, 24)), mentions.toString());
        assertTrue(mentions.contains(new Mention(EntityType.PERSON, "Angela Merkel", 27, 40)), mentions.toString());
        assertTrue(mentions.contains(new Mention(EntityType.LOCATION, "Berlin", 44, 50)), mentions.toString());
    }

    @Test
    void versionNamesTheModelBytes() throws IOException {
        String version = OpenNlpMentionRecognizer.loadDefault().version();
        assertTrue(version.matches("opennlp-ner-[0-9a-f]{12}"), version);
        Path shipped = Path.of("src/main/resources" + OpenNlpMentionRecognizer.DEFAULT_MODEL);
        assumeTrue(Files.isRegularFile(shipped));
        assertEquals(version, OpenNlpMentionRecognizer.load(shipped).version());
    }

    @Test
    void emptyAndBlankTextHaveNoMentions() {
        assertEquals(List.of(), OpenNlpMentionRecognizer.loadDefault().recognize(""));
        assertEquals(List.of(), OpenNlpMentionRecognizer.loadDefault().recognize(" \n\t "));
    }

    @Test
    void loadsOnceAndIsSafeAcrossThreads() throws Exception {
        OpenNlpMentionRecognizer recognizer = OpenNlpMentionRecognizer.loadDefault();
        assertSame(recognizer, OpenNlpMentionRecognizer.loadDefault());
        List<String> texts = List.of(seedText(), "Angela Merkel met Vladimir Putin in Moscow on Monday.",
                "Shares of Apple Inc. rose in New York after Reuters reported the deal.");
        List<List<Mention>> expected = texts.stream().map(recognizer::recognize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int which = i % texts.size();
                results.add(pool.submit(() -> recognizer.recognize(texts.get(which)).equals(expected.get(which))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shippedModelScoresOnTheDevelopmentSet() throws IOException {
        Path testa = Path.of(System.getProperty("newsarchive.shared", "../shared"), "data/conll2003/eng.testa");
        assumeTrue(Files.isRegularFile(testa), "no " + testa);
        List<ConllDocument> gold = ConllReader.read(testa);
        NerTagger tagger = new NerTagger(OpenNlpMentionRecognizer.loadDefault().model());
        NerEvaluation result = NerEvaluator.evaluate(testa.toString(), gold, tagger::tagDocument, false);
        assertTrue(result.overall().f1() >= 0.89, "F1 " + result.overall().f1());
    }
}
