package org.newsarchive.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

    private static final String TREC = """
            <top>

            <num> Number: 301
            <title> International Organized Crime

            <desc> Description:
            Identify organizations that participate in
            international criminal activity.

            <narr> Narrative:
            A relevant document must as a minimum identify the organization.
            </top>

            <top>
            <num> Number: 302 <title> Topic: Poliomyelitis and Post-Polio
            <desc> Description: Is the disease of Poliomyelitis (polio) under control?
            </top>
            """;

    @Test
    void readsClassicTrecTopics() throws EvalFileException {
        List<Topic> topics = Topics.parse("t.txt", TREC);
        assertEquals(2, topics.size());
        Topic first = topics.get(0);
        assertEquals("301", first.id());
        assertEquals("International Organized Crime", first.title());
        assertEquals("Identify organizations that participate in international criminal activity.", first.description());
        assertEquals(1, first.line());
        Topic second = topics.get(1);
        assertEquals("302", second.id());
        assertEquals("Poliomyelitis and Post-Polio", second.title());
        assertEquals(14, second.line());
        assertEquals("Poliomyelitis and Post-Polio", second.query(TopicField.TITLE));
        assertEquals("Is the disease of Poliomyelitis (polio) under control?", second.query(TopicField.DESC));
        assertEquals("Poliomyelitis and Post-Polio Is the disease of Poliomyelitis (polio) under control?",
                second.query(TopicField.TITLE_DESC));
    }

    @Test
    void closingTagsAndOneLineTopicsAreAccepted() throws EvalFileException {
        List<Topic> topics = Topics.parse("t.txt",
                "\uFEFF  <top><num>7</num><title>cocoa prices</title></top>\n<TOP>\n<NUM> 8\n<TITLE> gold\n</TOP>\n");
        assertEquals(List.of("7", "8"), topics.stream().map(Topic::id).toList());
        assertEquals("cocoa prices", topics.get(0).title());
        assertEquals("gold", topics.get(1).title());
        assertNull(topics.get(1).description());
    }

    @Test
    void aMissingFieldIsAnErrorOnlyWhenItIsAskedFor() throws EvalFileException {
        Topic topic = Topics.parse("t.txt", "\n<top>\n<num> 8\n<title> gold\n</top>\n").get(0);
        assertEquals("gold", topic.query(TopicField.TITLE));
        EvalFileException e = assertThrows(EvalFileException.class, () -> topic.query(TopicField.DESC));
        assertEquals("t.txt:2: topic 8 has no <desc> text", e.getMessage());
    }

    @Test
    void readsTsvWithCommentsAndBlankLines() throws EvalFileException {
        List<Topic> topics = Topics.parse("t.tsv", "# id\tquery\n\ncocoa\tcocoa\nmoney-fx\t money foreign exchange \n");
        assertEquals(List.of("cocoa", "money-fx"), topics.stream().map(Topic::id).toList());
        assertEquals("money foreign exchange", topics.get(1).title());
        assertEquals(4, topics.get(1).line());
        // a TSV line has one text, whichever field is asked for
        assertEquals("money foreign exchange", topics.get(1).query(TopicField.DESC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1\\tcocoa\\n2 gold|t.tsv:2: expected TOPIC<TAB>QUERY, found no tab",
        "1\\tcocoa\\n2\\t  |t.tsv:2: topic 2 has an empty query",
        "\\tcocoa|t.tsv:1: empty topic number",
        "a b\\tcocoa|t.tsv:1: topic number 'a b' is not one word",
        "1\\tcocoa\\n# c\\n1\\tgold|t.tsv:3: topic 1 appears a second time (first on line 1)",
        "# only a comment\\n|t.tsv: no topics",
    })
    void malformedTsvNamesFileAndLine(String text, String message) {
        EvalFileException e = assertThrows(EvalFileException.class,
                () -> Topics.parse("t.tsv", text.replace("\\n", "\n").replace("\\t", "\t")));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<top>\\n<num> 1\\n<title> a\\n|t.txt:1: the topic opened here is never closed (no </top>)",
        "<top>\\n<num> 1\\n<title> a\\n<top>\\n|t.txt:4: <top> inside the topic opened on line 1 (missing </top>)",
        "<top>\\n<num> 1\\n<title> a\\n</top>\\nstray words\\n|t.txt:5: text outside <top> ... </top>",
        "<top>\\n<title> a\\n</top>|t.txt:1: the topic opened here has no <num>",
        "<top>\\n<num>\\n<title> a\\n</top>|t.txt:2: empty topic number",
        "<top>\\n<num> 1\\n</top>|t.txt:1: topic 1 has neither <title> nor <desc> text",
        "<top><num> 1 <title> a </top>\\n\\n<top><num> Number: 1 <title> b </top>|t.txt:3: topic 1 appears a second time (first on line 1)",
        "<top><num> 1 <title> a </top></top>|t.txt:1: </top> without <top>",
        "<top><num> 1 <title> a <title> b </top>|t.txt:1: a second <title> in the topic opened on line 1",
        "<top><num> 1 <title> a </top>\\n<title> b|t.txt:2: <title> outside <top> ... </top>",
    })
    void malformedTrecNamesFileAndLine(String text, String message) {
        EvalFileException e = assertThrows(EvalFileException.class,
                () -> Topics.parse("t.txt", text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }
}
