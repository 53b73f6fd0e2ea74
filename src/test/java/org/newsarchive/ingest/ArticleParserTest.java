package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleParserTest {

    /** A path that need not exist: {@code parse(Path, byte[])} never touches the file system. */
    static final Path PATH = Path.of("/archive/2023/12/article.txt");
    static final String PATH_ID = "955d56af14822aab"; // sha256sum of the path string, first 16 hex

    static final LocalDate DEC_22 = LocalDate.of(2023, 12, 22);

    final ArticleParser parser = new ArticleParser();

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    Article parsed(byte[] content) {
        ParseOutcome outcome = parser.parse(PATH, content);
        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> outcome.toString());
        assertEquals(PATH, parsed.path());
        return parsed.article();
    }

    Article parsed(String text) {
        return parsed(utf8(text));
    }

    ParseOutcome.Rejected rejected(byte[] content) {
        ParseOutcome outcome = parser.parse(PATH, content);
        ParseOutcome.Rejected rejected = assertInstanceOf(ParseOutcome.Rejected.class, outcome, () -> outcome.toString());
        assertEquals(PATH, rejected.path());
        return rejected;
    }

    ParseOutcome.Rejected rejected(String text) {
        return rejected(utf8(text));
    }

    static void assertRejected(ParseOutcome.Rejected rejected, RejectReason reason, String detail) {
        assertEquals(reason, rejected.reason(), rejected::toString);
        assertEquals(detail, rejected.detail());
    }

    @Nested
    class EveryField {

        @Test
        void firstSentenceArticleHasExactFields() {
            String text = " date 2023-12-22 A senior officer met Mr. Smith in the U.S. capital on Thursday."
                    + " They talked for an hour.\n\nThe meeting was the first in a year.\n";
            Article a = parsed(text);
            assertEquals(PATH_ID, a.id());
            assertEquals(DEC_22, a.date());
            assertNull(a.time());
            assertEquals("A senior officer met Mr. Smith in the U.S. capital on Thursday.", a.headline());
            assertEquals("A senior officer met Mr. Smith in the U.S. capital on Thursday. They talked for an hour."
                    + "\n\nThe meeting was the first in a year.", a.body());
            assertEquals(PATH, a.path());
            assertEquals(144, a.sizeBytes());
            assertEquals("40d0e289b17da8fb1cb5856c48265efa933695d82862776a0541d09e17207066", a.sha256());
            assertEquals(25, a.wordCount()); // 17 + 8; the headline is part of the body, counted once
            assertEquals(2, a.paragraphs().size());
        }

        @Test
        void titleLineArticleHasExactFields() {
            byte[] content = concat(bytes(0xEF, 0xBB, 0xBF), utf8("date 2023-12-22 TITLE\r\n\r\nBody.\r\n"));
            Article a = parsed(content);
            assertEquals(PATH_ID, a.id());
            assertEquals(DEC_22, a.date());
            assertNull(a.time());
            assertEquals("TITLE", a.headline());
            assertEquals("Body.", a.body());
            assertEquals(35, a.sizeBytes()); // raw bytes, BOM and CRs included
            assertEquals("8848c3bcfa8e55159c6cbb733629f6ea9f0fa9ae0666d4b215800959aa01da19", a.sha256());
            assertEquals(2, a.wordCount()); // title + body, the title is not in the body
        }

        @Test
        void idDependsOnThePathOnly() {
            Article a = parsed("date 2023-12-22 Text.");
            Article b = assertInstanceOf(ParseOutcome.Parsed.class,
                    parser.parse(Path.of("/archive/1987/02/reuters-1.txt"), utf8("date 2023-12-22 Text."))).article();
            assertEquals(PATH_ID, a.id());
            assertEquals("01fdb6a1c343e6b4", b.id());
            assertEquals(a.sha256(), b.sha256());
        }

        @Test
        void sha256HexOfNothingIsTheKnownValue() {
            assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    ArticleParser.sha256Hex(new byte[0]));
            assertEquals("40d0e289b17da8fb1cb5856c48265efa933695d82862776a0541d09e17207066",
                    ArticleParser.sha256Hex(utf8(" date 2023-12-22 A senior officer met Mr. Smith in the U.S. capital"
                            + " on Thursday. They talked for an hour.\n\nThe meeting was the first in a year.\n")));
        }

        @Test
        void parsingAFileReadsItsBytesAndUsesThePathAsGiven(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("a.txt");
            byte[] content = utf8("date 2023-12-22 HEADLINE\n\nBody one.\n");
            Files.write(file, content);
            ParseOutcome outcome = parser.parse(file);
            Article a = assertInstanceOf(ParseOutcome.Parsed.class, outcome).article();
            assertEquals(file, a.path());
            assertEquals(ArticleIdTest.expectedId(file), a.id());
            assertEquals(content.length, a.sizeBytes());
            assertEquals(ArticleParser.sha256Hex(content), a.sha256());
            assertEquals("HEADLINE", a.headline());
            assertEquals("Body one.", a.body());
            assertEquals(3, a.wordCount());
        }

        @Test
        void contentIsNotModified() {
            byte[] content = utf8("date 2023-12-22 Text.\r\n");
            byte[] copy = content.clone();
            parsed(content);
            assertTrue(Arrays.equals(copy, content));
        }
    }

    @Nested
    class DateLineVariants {

        @ParameterizedTest
        @ValueSource(strings = {
            "date 2023-12-22 TITLE\n\nBody text.",
            " date 2023-12-22 TITLE\n\nBody text.",
            "\t  date 2023-12-22 TITLE\n\nBody text.",
            "\n\n   \n\t\ndate 2023-12-22 TITLE\n\nBody text.",
            "Date 2023-12-22 TITLE\n\nBody text.",
            "DATE 2023-12-22 TITLE\n\nBody text.",
            "dAtE 2023-12-22 TITLE\n\nBody text.",
            "date: 2023-12-22 TITLE\n\nBody text.",
            "Date: 2023-12-22 TITLE\n\nBody text.",
            "DATE:2023-12-22 TITLE\n\nBody text.",
            "date : 2023-12-22 TITLE\n\nBody text.",
            "date\t2023-12-22\tTITLE\n\nBody text.",
            "date   2023-12-22    TITLE   \n\nBody text.   ",
            "date 2023-12-22\nTITLE\n\nBody text.",
            "date 2023-12-22   \n\n\nTITLE\n\nBody text.\n\n\n",
            "date 2023/12/22 TITLE\n\nBody text.",
            "date 2023-12-22 TITLE\n \t \nBody text.",
        })
        void acceptedDateLinesGiveTheSameArticle(String text) {
            Article a = parsed(text);
            assertEquals(DEC_22, a.date());
            assertNull(a.time());
            assertEquals("TITLE", a.headline());
            assertEquals("Body text.", a.body());
            assertEquals(3, a.wordCount());
        }

        @ParameterizedTest
        @CsvSource({
            "2023/1/5, 2023-01-05",
            "2023/01/05, 2023-01-05",
            "2023/12/9, 2023-12-09",
            "2023-1-5, 2023-01-05",
            "2024-02-29, 2024-02-29",
            "2000/2/29, 2000-02-29",
            "1987-10-20, 1987-10-20",
        })
        void plainDateForms(String token, String expected) {
            Article a = parsed("date " + token + " Some text.");
            assertEquals(LocalDate.parse(expected), a.date());
            assertNull(a.time());
        }

        @Test
        void dateTimeWithOffsetKeepsTheTime() {
            Article a = parsed("date 2023-12-22T08:30:00+01:00 Text.");
            assertEquals(DEC_22, a.date());
            assertEquals(OffsetDateTime.of(2023, 12, 22, 8, 30, 0, 0, ZoneOffset.ofHours(1)), a.time());
            assertEquals("Text.", a.headline());
        }

        @Test
        void dateTimeInUtcWithoutSeconds() {
            Article a = parsed("Date: 2023-12-22T08:30Z\nText.");
            assertEquals(DEC_22, a.date());
            assertEquals(OffsetDateTime.of(2023, 12, 22, 8, 30, 0, 0, ZoneOffset.UTC), a.time());
        }

        @Test
        void dateTimeWithFractionAndNegativeOffset() {
            Article a = parsed("date 2023-12-22T08:30:00.123-05:00 Text.");
            assertEquals(DEC_22, a.date());
            assertEquals(OffsetDateTime.of(2023, 12, 22, 8, 30, 0, 123_000_000, ZoneOffset.ofHours(-5)), a.time());
        }

        @Test
        void dateIsTheLocalDateNotTheUtcDate() {
            // 23:30 at -05:00 is already 2024-01-01 in UTC; the archive's own day is what counts.
            Article a = parsed("date 2023-12-31T23:30:00-05:00 Text.");
            assertEquals(LocalDate.of(2023, 12, 31), a.date());
            assertEquals(OffsetDateTime.of(2023, 12, 31, 23, 30, 0, 0, ZoneOffset.ofHours(-5)), a.time());
        }

        @Test
        void lowerCaseTAndZAreAccepted() {
            Article a = parsed("date 2023-12-22t08:30z Text.");
            assertEquals(OffsetDateTime.of(2023, 12, 22, 8, 30, 0, 0, ZoneOffset.UTC), a.time());
        }

        @Test
        void textOnTheDateLineAndOnTheNextLineGiveTheSameArticle() {
            Article sameLine = parsed("date 2023-12-22 First line.\nSecond line.\n\nNext paragraph.");
            Article nextLine = parsed("date 2023-12-22\nFirst line.\nSecond line.\n\nNext paragraph.");
            assertEquals("First line. Second line.\n\nNext paragraph.", sameLine.body());
            assertEquals(sameLine.body(), nextLine.body());
            assertEquals(sameLine.headline(), nextLine.headline());
            assertEquals("First line.", sameLine.headline());
        }
    }

    @Nested
    class Decoding {

        @Test
        void byteOrderMarkIsDropped() {
            Article a = parsed(concat(bytes(0xEF, 0xBB, 0xBF), utf8(" date 2023-12-22 Text here.")));
            assertEquals(DEC_22, a.date());
            assertEquals("Text here.", a.body());
            assertEquals(30, a.sizeBytes());
        }

        @Test
        void crlfLineEnds() {
            Article a = parsed("date 2023-12-22\r\nTITLE LINE\r\n\r\nLine one\r\nline two.\r\n\r\nLast.\r\n");
            assertEquals("TITLE LINE", a.headline());
            assertEquals("Line one line two.\n\nLast.", a.body());
            assertEquals(7, a.wordCount());
        }

        @Test
        void crOnlyLineEnds() {
            Article a = parsed("date 2023-12-22\rTITLE LINE\r\rLine one\rline two.\r\rLast.\r");
            assertEquals("TITLE LINE", a.headline());
            assertEquals("Line one line two.\n\nLast.", a.body());
        }

        @Test
        void windows1252BytesAreDecodedAsWindows1252() {
            // 0xE9 = é, 0x93/0x94 = curly double quotes, 0x92 = right single quote, 0x80 = euro sign
            byte[] content = concat(
                    utf8("date 2023-12-22 Caf"), bytes(0xE9), utf8(" owner says "), bytes(0x93),
                    utf8("hello"), bytes(0x94), utf8("\n\nIt"), bytes(0x92), utf8("s 5"), bytes(0x80), utf8("."));
            Article a = parsed(content);
            assertEquals("Café owner says “hello”", a.headline());
            assertEquals("It’s 5€.", a.body());
            assertEquals(content.length, a.sizeBytes());
            assertEquals(6, a.wordCount());
        }

        @Test
        void validUtf8IsNotMistakenForWindows1252() {
            Article a = parsed("date 2023-12-22 Café owner says “hello”\n\nIt’s 5€.");
            assertEquals("Café owner says “hello”", a.headline());
            assertEquals("It’s 5€.", a.body());
        }

        @Test
        void oneBadByteMakesTheWholeFileWindows1252() {
            // Valid UTF-8 "é" (C3 A9) early, a lone 0xE9 later: the file is not UTF-8, so both are cp1252.
            byte[] content = concat(utf8("date 2023-12-22 "), bytes(0xC3, 0xA9), utf8(" and "), bytes(0xE9), utf8("."));
            Article a = parsed(content);
            assertEquals("Ã© and é.", a.body());
        }
    }

    @Nested
    class Headlines {

        @Test
        void singleShortLineFollowedByTextIsATitle() {
            Article a = parsed("date 2023-12-22 Markets rally on rate hopes\n\nStocks rose. Bonds fell.");
            assertEquals("Markets rally on rate hopes", a.headline());
            assertEquals("Stocks rose. Bonds fell.", a.body());
            assertEquals(9, a.wordCount());
        }

        @Test
        void allCapsTitleEndingInUsIsATitle() {
            Article a = parsed("date 1987-03-01 REAGAN SAYS TRADE BILL BAD FOR U.S.\n\nPresident Reagan said today.");
            assertEquals("REAGAN SAYS TRADE BILL BAD FOR U.S.", a.headline());
            assertEquals("President Reagan said today.", a.body());
            assertEquals(11, a.wordCount());
        }

        @Test
        void aLineThatReadsLikeASentenceIsNotATitle() {
            Article a = parsed("date 2023-12-22 Stocks rose sharply on Friday.\n\nBonds fell.");
            assertEquals("Stocks rose sharply on Friday.", a.headline());
            assertEquals("Stocks rose sharply on Friday.\n\nBonds fell.", a.body());
            assertEquals(7, a.wordCount());
        }

        @Test
        void questionOrExclamationWithLowerCaseIsNotATitle() {
            assertEquals("Will rates fall?\n\nMaybe.",
                    parsed("date 2023-12-22 Will rates fall?\n\nMaybe.").body());
            assertEquals("They won!\n\nAgain.",
                    parsed("date 2023-12-22 They won!\n\nAgain.").body());
        }

        @Test
        void titleEndingInAClosingQuoteAfterAFullStopIsASentence() {
            Article a = parsed("date 2023-12-22 He said \"we will win.\"\n\nThen he left.");
            assertEquals("He said \"we will win.\"", a.headline());
            assertEquals("He said \"we will win.\"\n\nThen he left.", a.body());
        }

        @Test
        void onlyParagraphIsNeverATitle() {
            Article a = parsed("date 2023-12-22 MARKETS RALLY");
            assertEquals("MARKETS RALLY", a.headline());
            assertEquals("MARKETS RALLY", a.body());
            assertEquals(2, a.wordCount());
        }

        @Test
        void twoLineFirstParagraphIsNotATitle() {
            Article a = parsed("date 2023-12-22 MARKETS RALLY\nON RATE HOPES\n\nStocks rose.");
            assertEquals("MARKETS RALLY ON RATE HOPES", a.headline());
            assertEquals("MARKETS RALLY ON RATE HOPES\n\nStocks rose.", a.body());
            assertEquals(7, a.wordCount());
        }

        @Test
        void titleOfExactly200CharactersIsATitleAnd201IsNot() {
            String t200 = "A".repeat(100) + " " + "B".repeat(99);
            assertEquals(200, t200.length());
            Article a = parsed("date 2023-12-22 " + t200 + "\n\nBody.");
            assertEquals(t200, a.headline());
            assertEquals("Body.", a.body());

            String t201 = t200 + "C";
            Article b = parsed("date 2023-12-22 " + t201 + "\n\nBody.");
            assertEquals("A".repeat(100) + "…", b.headline()); // first "sentence" cut at a word boundary
            assertEquals(t201 + "\n\nBody.", b.body());
        }

        @Test
        void abbreviationsDoNotEndTheFirstSentence() {
            Article a = parsed("date 2023-12-22 Mr. J. Smith of Acme Corp. met U.S. officials on Jan. 5 in St. Louis."
                    + " He left.\n\nMore.");
            assertEquals("Mr. J. Smith of Acme Corp. met U.S. officials on Jan. 5 in St. Louis.", a.headline());
        }

        @Test
        void longFirstSentenceIsCutAtAWordBoundaryWithAnEllipsis() {
            String sentence = "The quick brown fox jumps over the lazy dog again and again while the farmer, who has"
                    + " seen this many times before, watches from the porch of his old wooden house near the river.";
            assertTrue(sentence.length() > 160);
            Article a = parsed("date 2023-12-22 " + sentence + " Then it rained.");
            String expected = "The quick brown fox jumps over the lazy dog again and again while the farmer, who has"
                    + " seen this many times before, watches from the porch of his old wooden…";
            assertEquals(expected, a.headline());
            assertTrue(a.headline().length() <= 161);
            assertEquals(sentence + " Then it rained.", a.body());
        }

        @Test
        void firstParagraphWithoutSentenceEndIsTheHeadline() {
            Article a = parsed("date 2023-12-22 a lower-case line, no full stop\nand a second line\n\nMore.");
            assertEquals("a lower-case line, no full stop and a second line", a.headline());
        }
    }

    @Nested
    class Paragraphs {

        @Test
        void linesAreJoinedWithOneSpaceAndTrimmed() {
            Article a = parsed("date 2023-12-22\n  TITLE  \n\n   first   \n\tsecond\t\n  third.  \n\n\n\n \n  last.\n");
            assertEquals("TITLE", a.headline());
            assertEquals("first second third.\n\nlast.", a.body());
            assertEquals(List.of("first second third.", "last."), a.paragraphs());
        }

        @Test
        void wordsArePunctuationFreeTokensWithALetterOrDigit() {
            Article a = parsed("date 2023-12-22 Prices rose -- sharply , by 5% ... analysts said. — 1987");
            // Prices rose sharply by 5% analysts said. 1987
            assertEquals(8, a.wordCount());
        }
    }

    @Nested
    class Rejections {

        @Test
        void emptyFile() {
            assertRejected(rejected(new byte[0]), RejectReason.EMPTY, "empty file");
        }

        @Test
        void byteOrderMarkAlone() {
            assertRejected(rejected(bytes(0xEF, 0xBB, 0xBF)), RejectReason.EMPTY, "empty file");
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "\n", "\r\n\r\n", " \t\n  \n\u000B\f", "\u2003\n"})
        void onlyWhitespace(String text) {
            assertRejected(rejected(text), RejectReason.EMPTY, "only whitespace");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Hello world.\n\nMore.",
            "dated 2023-12-22 Text.",
            "Dateline 2023-12-22 Text.",
            "DATELINE: LONDON",
            "date-2023-12-22 Text.",
            "date2023-12-22 Text.",
            "dat 2023-12-22 Text.",
            "Some headline\ndate 2023-12-22 Text.",
            "\n\n  # date 2023-12-22",
        })
        void noDateLine(String text) {
            assertRejected(rejected(text), RejectReason.NO_DATE_LINE,
                    "no date line: the first line must start with 'date YYYY-MM-DD'");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "2023-02-30", "2023-13-01", "2023-00-10", "2023-12-00", "2023-12-32", "2023-02-29", "1900-02-29",
            "2023/02/30", "2023/4/31", "2023-02-30T08:30Z", "2023-12-22T25:00Z", "2023-12-22T08:61:00+01:00",
            "2023-12-22T08:30:00+19:00",
        })
        void impossibleDate(String token) {
            assertRejected(rejected("date " + token + " Text."), RejectReason.IMPOSSIBLE_DATE, "impossible date " + token);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "yesterday", "22", "2023-12-22T08:30", "2023-12-22T08:30:00", "2023-12/22", "2023/12-22", "23-12-22",
            "2023-12-22,", "2023.12.22", "20231222", "12/22/2023", "2023-123-1", "+2023-12-22", "2023-12-22T08:30+0100",
            "2023-12-22T08:30+01", "2023-12-22T8:30Z", "2023-12-22T08:30:00.Z",
        })
        void unrecognisedDate(String token) {
            assertRejected(rejected("date " + token + " Text."), RejectReason.UNRECOGNISED_DATE,
                    "unrecognised date '" + token
                            + "' (expected YYYY-MM-DD, YYYY/MM/DD or an ISO date-time with offset)");
        }

        @Test
        void writtenOutDateIsUnrecognisedAndTheDetailNamesItsFirstToken() {
            assertRejected(rejected("date 22 Dec 2023 Text."), RejectReason.UNRECOGNISED_DATE,
                    "unrecognised date '22' (expected YYYY-MM-DD, YYYY/MM/DD or an ISO date-time with offset)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"date", "date  \n2023-12-22 Text.", "Date:", "DATE :\t\nText.", "  date\n\nText."})
        void dateWordWithNothingAfterIt(String text) {
            assertRejected(rejected(text), RejectReason.UNRECOGNISED_DATE,
                    "no date after the word 'date' (expected YYYY-MM-DD, YYYY/MM/DD or an ISO date-time with offset)");
        }

        @Test
        void nulByteIsBinary() {
            assertRejected(rejected(utf8("date 2023-12-22 Text\0more.")), RejectReason.BINARY,
                    "binary content (NUL byte at offset 20)");
        }

        @Test
        void nulIsFoundBeforeDecodingEvenInAnEmptyLookingFile() {
            assertRejected(rejected(bytes(0)), RejectReason.BINARY, "binary content (NUL byte at offset 0)");
            assertRejected(rejected(utf8("   \0")), RejectReason.BINARY, "binary content (NUL byte at offset 3)");
        }

        @Test
        void pngFileIsBinary() {
            byte[] png = bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52);
            assertRejected(rejected(png), RejectReason.BINARY, "binary content (NUL byte at offset 8)");
        }

        @Test
        void utf16FileIsBinary() {
            byte[] utf16 = "date 2023-12-22 Text.".getBytes(StandardCharsets.UTF_16LE);
            assertRejected(rejected(utf16), RejectReason.BINARY, "binary content (NUL byte at offset 1)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"date 2023-12-22", "date 2023-12-22   ", "date 2023-12-22\n", "date 2023-12-22\n\n \t\n\r\n",
            "Date: 2023-12-22T08:30Z\n"})
        void noTextAfterTheDate(String text) {
            assertRejected(rejected(text), RejectReason.NO_TEXT, "no text after the date");
        }

        @Test
        void overASmallLimit() {
            ArticleParser small = new ArticleParser(10);
            ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class,
                    small.parse(PATH, utf8("date 2023-12-22 Text.")));
            assertRejected(r, RejectReason.TOO_LARGE, "file is 21 bytes, over the 10 bytes limit");
            assertInstanceOf(ParseOutcome.Parsed.class, new ArticleParser(21).parse(PATH, utf8("date 2023-12-22 Text.")));
        }

        @Test
        void overTheDefaultLimit() {
            ParseOutcome.Rejected r = rejected(new byte[20 * 1024 * 1024]);
            assertRejected(r, RejectReason.TOO_LARGE, "file is 20.0 MiB, over the 16.0 MiB limit");
        }

        @Test
        void oneByteOverTheLimitIsReportedExactly() {
            ArticleParser p = new ArticleParser(2048);
            ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, p.parse(PATH, new byte[2049]));
            assertRejected(r, RejectReason.TOO_LARGE, "file is 2049 bytes, over the 2048 bytes limit");
        }

        @Test
        void sizeIsCheckedBeforeReadingTheFile(@TempDir Path dir) throws IOException {
            Path big = dir.resolve("big.txt");
            try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
                f.setLength(20L * 1024 * 1024); // sparse: nothing is written, nothing need be read
            }
            ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, parser.parse(big));
            assertEquals(big, r.path());
            assertRejected(r, RejectReason.TOO_LARGE, "file is 20.0 MiB, over the 16.0 MiB limit");
        }

        @Test
        void directoryIsUnreadable(@TempDir Path dir) throws IOException {
            Path folder = Files.createDirectory(dir.resolve("folder.txt"));
            ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, parser.parse(folder));
            assertEquals(folder, r.path());
            assertRejected(r, RejectReason.UNREADABLE, "unreadable: is a directory");
            assertEquals(folder + ": unreadable: is a directory", r.message());
        }

        @Test
        void missingFileIsUnreadable(@TempDir Path dir) {
            Path missing = dir.resolve("missing.txt");
            ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, parser.parse(missing));
            assertEquals(missing, r.path());
            assertRejected(r, RejectReason.UNREADABLE, "unreadable: no such file or directory");
        }

        @Test
        void fileWithoutPermissionIsUnreadable(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("secret.txt"), "date 2023-12-22 Text.");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            } catch (UnsupportedOperationException e) {
                Assumptions.abort("no POSIX permissions on this file system");
            }
            Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions are not enforced");
            ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, parser.parse(file));
            assertRejected(r, RejectReason.UNREADABLE, "unreadable: permission denied");
        }

        @Test
        void symlinkLoopIsUnreadable(@TempDir Path dir) throws IOException {
            Path a = dir.resolve("a.txt");
            Path b = dir.resolve("b.txt");
            Files.createSymbolicLink(a, b);
            Files.createSymbolicLink(b, a);
            ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, parser.parse(a));
            assertEquals(RejectReason.UNREADABLE, r.reason());
            assertTrue(r.detail().startsWith("unreadable: "), r.detail());
            assertTrue(!r.detail().contains(a.toString()), "the detail does not repeat the path: " + r.detail());
        }

        @Test
        void rejectionsAreCheckedInOrderSizeThenBinaryThenEmptyThenDate() {
            ArticleParser small = new ArticleParser(3);
            assertEquals(RejectReason.TOO_LARGE,
                    assertInstanceOf(ParseOutcome.Rejected.class, small.parse(PATH, bytes(0, 0, 0, 0))).reason());
            assertEquals(RejectReason.BINARY, rejected(utf8("dated\0")).reason());
        }
    }

    @Test
    void negativeLimitIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new ArticleParser(-1));
        assertEquals(ArticleParser.DEFAULT_MAX_FILE_SIZE, new ArticleParser().maxFileSize());
        assertEquals(16L * 1024 * 1024, ArticleParser.DEFAULT_MAX_FILE_SIZE);
    }

    @Test
    void nullPathIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> parser.parse(null, utf8("date 2023-12-22 Text.")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0 bytes",
        "1|1 byte",
        "1023|1023 bytes",
        "1024|1.0 KiB",
        "1536|1.5 KiB",
        "16777216|16.0 MiB",
        "20971520|20.0 MiB",
        "3221225472|3.0 GiB",
    })
    void sizesAreFormattedForPeople(long bytes, String expected) {
        assertEquals(expected, ArticleParser.formatSize(bytes));
    }

    @Test
    void sameParserInstanceIsReusable() {
        Article a = parsed("date 2023-12-22 One.");
        Article b = parsed("date 2023-12-23 Two.");
        assertEquals("One.", a.body());
        assertEquals("Two.", b.body());
    }
}
