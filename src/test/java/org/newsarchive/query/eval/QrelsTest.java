package org.newsarchive.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QrelsTest {

    @Test
    void readsTopicsDocumentsAndGradedRelevance() throws EvalFileException {
        Qrels qrels = Qrels.parse("q.txt", """
                301 0 reuters-1 1
                301 0 reuters-2 0

                301 0 reuters-3 2
                302\t0\treuters-1   -1
                """);
        assertEquals(List.of("301", "302"), List.copyOf(qrels.topics()));
        assertEquals(Map.of("reuters-1", 1, "reuters-2", 0, "reuters-3", 2), qrels.judgements("301"));
        assertEquals(2, qrels.relevantCount("301"));
        assertEquals(0, qrels.relevantCount("302"));
        assertEquals(Map.of(), qrels.judgements("999"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "301 0 d1 1\\n301 0 d2|q.txt:2: expected 'TOPIC ITERATION DOCID RELEVANCE' (4 fields), found 3",
        "301 0 d1 1 extra|q.txt:1: expected 'TOPIC ITERATION DOCID RELEVANCE' (4 fields), found 5",
        "\\n\\n301 0 d1 yes|q.txt:3: relevance 'yes' is not an integer",
        "301 0 d1 1.5|q.txt:1: relevance '1.5' is not an integer",
        "301 0 d1 1\\n302 0 d1 1\\n301 1 d1 0|q.txt:3: topic 301 judges d1 a second time (first on line 1)",
        "\\n  \\n|q.txt: no judgements",
    })
    void malformedLinesNameFileAndLine(String text, String message) {
        EvalFileException e = assertThrows(EvalFileException.class,
                () -> Qrels.parse("q.txt", text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }
}
