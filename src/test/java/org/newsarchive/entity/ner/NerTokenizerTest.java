package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerTokenizerTest {

    private static List<String> forms(String text) {
        return NerTokenizer.tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void splitsLikeConll() {
        assertEquals(List.of("Liu", "Zhenli", ",", "a", "member", "of", "China", "'s", "Central", "Military",
                        "Commission", ",", "told", "U.S.", "Corp.", "Mr.", "J.", "Smith", "that", "1,750", "shares",
                        "rose", "6.4", "%", "in", "a", "60-day", "period", ";", "they", "do", "n't", "agree", "."),
                forms("Liu Zhenli, a member of China's Central Military Commission, told U.S. Corp. Mr. J. Smith "
                        + "that 1,750 shares rose 6.4% in a 60-day period; they don't agree."));
    }

    @Test
    void keepsNamesNumbersAndDatesWhole() {
        assertEquals(List.of("the", "Asia-Pacific", "O'Neill", "'s", "AT&T", ",", "1996-08-22", "at", "10:30", ",",
                        "1/2", "the", "workers", "'", "pay", "(", "est.", ")", "..."),
                forms("the Asia-Pacific O'Neill's AT&T, 1996-08-22 at 10:30, 1/2 the workers' pay (est.) ..."));
        assertEquals(List.of("No.", "2", "said", "no", "."), forms("No. 2 said no."));
        assertEquals(List.of("1", ",", "75", ",", "3"), forms("1,75,3"), "a comma groups exactly three digits");
        assertEquals(List.of("It", "'s", "ill", "."), forms("It's ill."), "lower-case 'ill' is no abbreviation");
    }

    @Test
    void normalisesCurlyQuotesAndDashesButKeepsOffsets() {
        String text = "China\u2019s \u201cpeace\u201d \u2014 talks\u2013end";
        List<Token> tokens = NerTokenizer.tokenize(text);
        assertEquals(List.of(
                new Token("China", 0, 5),
                new Token("'s", 5, 7),
                new Token("\"", 8, 9),
                new Token("peace", 9, 14),
                new Token("\"", 14, 15),
                new Token("--", 16, 17),
                new Token("talks", 18, 23),
                new Token("-", 23, 24),
                new Token("end", 24, 27)), tokens);
    }

    @Test
    void offsetsCoverTheTextExactly() {
        String text = "  Xi Jinping met\tJoe Biden in San Francisco.\n\nAPEC ended. ";
        List<Token> tokens = NerTokenizer.tokenize(text);
        for (Token token : tokens) {
            assertEquals(token.text(), text.substring(token.start(), token.end()));
        }
        assertEquals(new Token("Xi", 2, 4), tokens.get(0));
        assertEquals(new Token("APEC", 46, 50), tokens.get(9));
    }

    @Test
    void tokenizesARange() {
        assertEquals(List.of(new Token("b", 2, 3)), NerTokenizer.tokenize("a b c", 2, 3));
        assertEquals(List.of(), NerTokenizer.tokenize("   "));
    }
}
