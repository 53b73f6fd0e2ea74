package org.newsarchive.query;

import org.newsarchive.schema.ArticleFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityNormalizer;

class ArticleQueryParserTest {

    private static final EntityNormalizer NAMES = new EntityNormalizer(AliasTable.defaults());

    @Test
    void wordsSearchTheWholeTextAndAllMustMatch() {
        // the default field holds headline and body: one term per word
        Query q = ArticleQueryParser.parse("taiwan sanctions");
        assertEquals("+body:taiwan +body:sanction", q.toString());
    }

    @Test
    void theBestMatchesAreScoredAgainByHeadlineAndPairs() {
        // a tenth of each word's headline score, a fifth of each pair's (BestHitsRescorer)
        assertEquals("(headline:sanction headline:taiwan)^0.1 (body:\"taiwan sanction\")^0.2",
                rescoringOf("taiwan sanctions"));
        assertEquals("(headline:taiwan)^0.1", rescoringOf("taiwan"));
        assertNull(rescoringOf("*:*"));
        assertNull(rescoringOf("date:2023"));
    }

    @Test
    void wordsTypedSideBySideScoreMoreSideBySide() {
        // scored apart from the tiers (BestHitsRescorer); a stop word leaves its gap, as in the
        // index; punctuation leaves none
        assertEquals("(body:\"taiwan sanction\")^0.2", pairsOf("taiwan sanctions"));
        assertEquals("(body:\"histori ? comput\")^0.2", pairsOf("history of computing"));
        assertEquals("(body:\"oil price\" body:\"price war\")^0.2", pairsOf("oil & price, war"));
        assertNull(pairsOf("the word"), "a stop word typed first starts nothing");
        assertEquals("(body:\"histori ? ? comput\")^0.2", pairsOf("history of the computing"));
        // a token of several words pairs them, and its neighbours with them
        assertEquals("(body:\"paper ? shock\" body:\"shock sound\" body:\"sound wave\")^0.2",
                pairsOf("papers on shock-sound wave"));
        // a word counted twice in the headline clause, as in the text
        assertTrue(rescoringOf("oil price oil").startsWith("(headline:oil headline:oil headline:price)^0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oil AND price", "oil OR price", "+oil +price", "oil -price", "oil NOT price",
        "\"oil price\" war", "oil headline:price", "oil (price war)", "oil date:2023", "oil pric*", "oil"})
    void operatorsFieldsPhrasesAndBracketsMakeNoPairs(String query) {
        assertNull(pairsOf(query), query);
    }

    @Test
    void aRunGoesOnAfterAnythingElse() {
        assertEquals("(body:\"price war\")^0.2", pairsOf("oil AND price war"));
        assertEquals("(body:\"oil price\" body:\"price war\")^0.2", pairsOf("(oil price war)"),
                "brackets around the whole query group nothing");
        assertEquals("(body:\"price war\")^0.2", pairsOf("\"crude oil\" price war"));
    }

    /** The rescoring clauses of a query, as text, or null when it has none. */
    private static String rescoringOf(String query) {
        var rescoring = ArticleQueryParser.parseTiered(query, NAMES).rescoring();
        return rescoring == null ? null : rescoring.toString();
    }

    /** The pair clause of a query, as text, or null when it has none: the second of the rescoring clauses. */
    private static String pairsOf(String query) {
        var rescoring = ArticleQueryParser.parseTiered(query, NAMES).rescoring();
        return rescoring instanceof org.apache.lucene.search.BooleanQuery both ? both.clauses().get(1).getQuery().toString() : null;
    }

    @Test
    void onlyWordsOutsideANegationGetTheHeadlineClause() {
        assertEquals("(headline:taiwan)^0.1", rescoringOf("taiwan -sanctions"));
        assertEquals("+*:* -body:taiwan", ArticleQueryParser.parse("NOT taiwan").toString());
        assertEquals("body:\"south china sea\"", ArticleQueryParser.parse("\"South China Sea\"").toString());
    }

    @Test
    void phrasesAreStemmedLikeTheIndex() {
        assertEquals("body:\"south china sea\"", ArticleQueryParser.parse("\"South China Sea\"").toString());
    }

    @Test
    void wordsJoinedWithoutAnOperatorHaveAPartialTier() {
        var tiers = ArticleQueryParser.parseTiered("taiwan sanctions", NAMES);
        assertEquals("+body:taiwan +body:sanction", tiers.complete().toString());
        assertEquals("+(body:taiwan body:sanction) -(+body:taiwan +body:sanction)", tiers.partial().toString());
    }

    @Test
    void datesAndEntitiesTypedInTheQueryStayRequiredInThePartialTier() {
        var tiers = ArticleQueryParser.parseTiered("taiwan sanctions date:2023 place:U.S.", NAMES);
        String partial = tiers.partial().toString();
        assertTrue(partial.startsWith("+(body:taiwan body:sanction +date:"), partial);
        assertTrue(partial.contains(" +place:united states)"), partial);
    }

    @Test
    void sourceAuthorAndLanguageMatchTheirNormalisedKeys() {
        assertEquals("source:reuters.com", ArticleQueryParser.parse("source:reuters.com").toString());
        assertEquals("source:reuters.com", ArticleQueryParser.parse("source:\"https://www.Reuters.com/x\"").toString());
        assertEquals("source:reuters.com", ArticleQueryParser.parse("Source:WWW.REUTERS.COM").toString());
        assertEquals("author:jane doe", ArticleQueryParser.parse("author:\"Jane Doe\"").toString());
        assertEquals("author:jane doe", ArticleQueryParser.parse("author:\"JANE  DOE.\"").toString());
        assertEquals("author:jane doe", ArticleQueryParser.parse("author:\"Jane Doe\"~2").toString());
        assertEquals("language:en", ArticleQueryParser.parse("language:EN").toString());
        assertEquals("+source:reuters.com +language:en", ArticleQueryParser.parse("source:reuters.com language:en").toString());
    }

    @Test
    void patternsOnSourceAuthorAndLanguageAreLowerCasedLikeTheKeys() {
        assertEquals("source:*.gov", ArticleQueryParser.parse("source:*.GOV").toString());
        assertEquals("author:jane*", ArticleQueryParser.parse("author:Jane*").toString());
        assertEquals("language:e?", ArticleQueryParser.parse("language:E?").toString());
    }

    @Test
    void urlIsAnExactKeyword() {
        assertEquals("url:https://www.Example.com/A/1?x=1",
                ArticleQueryParser.parse("url:\"https://www.Example.com/A/1?x=1\"").toString());
    }

    @Test
    void sourceAuthorAndLanguageStayRequiredInThePartialTier() {
        var tiers = ArticleQueryParser.parseTiered("storm coast source:reuters.com author:\"Jane Doe\" language:EN", NAMES);
        String restrictions = "+source:reuters.com +author:jane doe +language:en";
        assertEquals("+(body:storm body:coast " + restrictions + ") -(+body:storm +body:coast " + restrictions + ")",
                tiers.partial().toString());
    }

    @Test
    void idPathAndUrlStayRequiredInThePartialTierLikeEveryFieldOfKeys() {
        var tiers = ArticleQueryParser.parseTiered("storm coast path:\"/a/b.txt\" id:0123", NAMES);
        String restrictions = "+path:/a/b.txt +id:0123";
        assertEquals("+(body:storm body:coast " + restrictions + ") -(+body:storm +body:coast " + restrictions + ")",
                tiers.partial().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"taiwan", "taiwan AND sanctions", "+taiwan +sanctions", "taiwan OR sanctions",
        "\"taiwan sanctions\"", "taiwan date:2023", "taiwan -sanctions", "taiwan NOT sanctions", "the taiwan",
        "*:*", "NOT taiwan"})
    void queriesWithNothingToRelaxHaveNoPartialTier(String query) {
        var tiers = ArticleQueryParser.parseTiered(query, NAMES);
        assertFalse(tiers.hasPartial(), query);
        assertEquals(ArticleQueryParser.parse(query, NAMES), tiers.complete());
    }

    @Test
    void fieldNamesAreCaseInsensitive() {
        assertEquals("headline:cocoa", ArticleQueryParser.parse("Headline:cocoa").toString());
    }

    @Test
    void matchAll() {
        assertInstanceOf(MatchAllDocsQuery.class, ArticleQueryParser.parse("*:*"));
    }

    @Test
    void dateTermCoversTheWholePeriod() {
        assertEquals(ArticleFields.DATE.rangeQuery(LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 31)),
                ArticleQueryParser.parse("date:2023-12"));
    }

    @Test
    void dateRangesTakePartialDatesAndOpenEnds() {
        assertEquals(ArticleFields.DATE.rangeQuery(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)),
                ArticleQueryParser.parse("date:[2023-01-01 TO 2023-06]"));
        assertEquals(ArticleFields.DATE.rangeQuery(LocalDate.of(2023, 1, 1), null),
                ArticleQueryParser.parse("date:[2023 TO *]"));
        // exclusive ends leave out the named periods themselves
        assertEquals(ArticleFields.DATE.rangeQuery(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
                ArticleQueryParser.parse("date:{2022 TO 2024}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo AND|invalid query at column 8: unexpected end of query",
        "(a OR b|invalid query at column 8: unexpected end of query",
        "a OR ) b|invalid query at column 6: unexpected ')'",
        "x AND OR y|invalid query at column 7: unexpected 'OR'",
        "x \"unclosed|invalid query at column 3: the quote opened here is never closed",
        "\"a\" \"b|invalid query at column 5: the quote opened here is never closed",
        "ab\\|invalid query at column 3: a backslash at the end escapes nothing",
        "nope:x|invalid query: unknown field 'nope' (fields: author, body, date, headline, id, language, misc, org, path, person, place, source, url)",
        "headline:[a TO b]|invalid query: ranges work on date: only, not on headline:",
        "date:2023-13|invalid query: invalid date '2023-13': not a date in the calendar",
        "date:yesterday|invalid query: invalid date 'yesterday': expected YYYY, YYYY-MM or YYYY-MM-DD",
        "date:20*|invalid query: a wildcard does not work on date:, use date:YYYY-MM-DD or date:[A TO B]",
        "'   '|empty query: give words to search for, or *:* for every article",
    })
    void badQueriesSayWhatAndWhere(String query, String message) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> ArticleQueryParser.parse(query));
        assertEquals(message, e.getMessage());
    }
}
