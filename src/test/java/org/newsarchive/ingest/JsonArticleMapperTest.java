package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArticleMapperTest {

    static final Path FILE = Path.of("/crawl/2023/12/22/example.com/abc.json");
    static final String HASH = "0123456789abcdef".repeat(4);

    final JsonArticleMapper mapper = new JsonArticleMapper(FieldMap.DEFAULT);

    static JsonNode json(String text) {
        try {
            return JsonReading.MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    Article parsed(JsonArticleMapper m, String record) {
        ParseOutcome outcome = m.map(json(record), FILE, 7, 321, HASH);
        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, outcome, outcome::toString);
        assertEquals(7, parsed.line());
        return parsed.article();
    }

    Article parsed(String record) {
        return parsed(mapper, record);
    }

    ParseOutcome.Rejected rejected(String record) {
        ParseOutcome outcome = mapper.map(json(record), FILE, 7, 321, HASH);
        ParseOutcome.Rejected rejected = assertInstanceOf(ParseOutcome.Rejected.class, outcome, outcome::toString);
        assertEquals(7, rejected.line());
        return rejected;
    }

    /** A record as news-please writes it (fields it leaves null included). */
    static final String NEWS_PLEASE = """
            {'authors': ['Jane Doe', 'John  Roe'], 'date_download': '2023-12-22 10:00:00', 'date_modify': null,
             'date_publish': '2023-12-22 08:30:00', 'description': 'A storm hit the coast.',
             'filename': 'https%3A%2F%2Fwww.example.com%2Fnews%2Fstorm.json', 'image_url': null, 'language': 'en',
             'localpath': null, 'maintext': 'A storm hit the coast on Monday.\\nThousands lost power. Schools closed.',
             'source_domain': 'www.example.com', 'text': null, 'title': 'Storm hits  the coast',
             'title_page': null, 'title_rss': null, 'url': 'https://www.example.com/news/storm'}""";

    @Test
    void readsANewsPleaseRecord() {
        Article a = parsed(NEWS_PLEASE);
        assertEquals(new Article(ArticleId.ofUrl("https://www.example.com/news/storm"), LocalDate.of(2023, 12, 22), null,
                LocalTime.of(8, 30), "Storm hits the coast",
                "A storm hit the coast on Monday.\n\nThousands lost power. Schools closed.", FILE, 321, HASH, 16,
                new Provenance("https://www.example.com/news/storm", "example.com", List.of("Jane Doe", "John Roe"), "en")),
                a);
    }

    @Test
    void commonAlternativesAreRead() {
        Article a = parsed("""
                {'headline': 'Rates held', 'content': 'The bank held rates.\\n\\nIt met on Tuesday\\nand Wednesday.',
                 'publishedAt': '2023-12-22T14:00:00Z', 'link': 'https://news.example.org/x?id=1',
                 'author': 'Ann Lee', 'source': {'id': null, 'name': 'Example News'}}""");
        assertEquals("Rates held", a.headline());
        // a blank line separates paragraphs; single line breaks inside one are wrapping
        assertEquals("The bank held rates.\n\nIt met on Tuesday and Wednesday.", a.body());
        assertEquals(OffsetDateTime.parse("2023-12-22T14:00:00Z"), a.time());
        assertEquals(new Provenance("https://news.example.org/x?id=1", "example news", List.of("Ann Lee"), null),
                a.provenance());
    }

    @Test
    void withoutASourceTheUrlsHostIsTheSource() {
        assertEquals("example.com", parsed("{'title': 'T', 'text': 'Body.', 'date': '2023-12-22',"
                + " 'url': 'HTTPS://WWW.Example.com:8080/a'}").provenance().source());
    }

    @Test
    void withoutAUrlTheIdIsTheRecordsHash() {
        Article a = parsed("{'title': 'T', 'text': 'Body.', 'date': '2023-12-22'}");
        assertEquals(HASH.substring(0, 16), a.id());
        assertEquals(Provenance.NONE, a.provenance());
    }

    @Test
    void withoutATitleTheFirstSentenceIsTheHeadline() {
        Article a = parsed("{'text': 'Oil rose on Monday. Traders cited supply.', 'date': 1703233800}");
        assertEquals("Oil rose on Monday.", a.headline());
        assertEquals("Oil rose on Monday. Traders cited supply.", a.body());
        assertEquals(LocalDate.of(2023, 12, 22), a.date());
    }

    @Test
    void withoutMainTextTheDescriptionIsTheText() {
        Article a = parsed("{'title': 'T', 'maintext': null, 'description': 'Only a summary.', 'date': '2023-12-22'}");
        assertEquals("Only a summary.", a.body());
    }

    @Test
    void textMayBeAnArrayOfParagraphs() {
        assertEquals("One.\n\nTwo.", parsed("{'title': 'T', 'body': ['One.', ' ', 'Two.'], 'date': '2023-12-22'}").body());
    }

    @Test
    void fieldMapPicksOtherNamesAndNestedFields() {
        JsonArticleMapper custom = new JsonArticleMapper(FieldMap.parse("hed=headline,story=text,meta.site=source,when=date"));
        Article a = parsed(custom, "{'hed': 'H', 'title': 'not this', 'story': 'S.', 'when': '2023-12-22',"
                + " 'meta': {'site': 'www.Site.example'}}");
        assertEquals("H", a.headline());
        assertEquals("S.", a.body());
        assertEquals("site.example", a.provenance().source());
    }

    @Test
    void rejectionsSayWhatIsMissing() {
        ParseOutcome.Rejected noDate = rejected("{'title': 'T', 'maintext': 'Text.', 'date_publish': null}");
        assertEquals(RejectReason.NO_DATE, noDate.reason());
        assertEquals("no date (looked for date_publish, date, published, publishedAt, published_at, datePublished,"
                + " pubDate, publication_date)", noDate.detail());
        assertEquals(FILE + ":7: " + noDate.detail(), noDate.message());

        ParseOutcome.Rejected noText = rejected("{'title': 'T', 'maintext': '  ', 'date': '2023-12-22'}");
        assertEquals(RejectReason.NO_TEXT, noText.reason());
        assertEquals("no text (looked for maintext, text, body, content, article, description, summary, abstract)",
                noText.detail());

        assertEquals(RejectReason.IMPOSSIBLE_DATE, rejected("{'title': 'T', 'text': 'x', 'date': '2023-02-30'}").reason());
        assertEquals(RejectReason.BAD_JSON, rejected("[1, 2]").reason());
        assertEquals("not a JSON object but an array", rejected("[1, 2]").detail());
    }

    @Test
    void recordsWithNoTitleAndNoTextAreNotArticles() {
        ParseOutcome.Rejected r = rejected("{'file': 'a.txt', 'date': '1987-02-26', 'topics': ['cocoa']}");
        assertEquals(RejectReason.NOT_AN_ARTICLE, r.reason());
    }
}
