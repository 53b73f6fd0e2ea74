package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code timeline} and {@code similar} on a small archive: exact periods, shares, a second query, the three formats, a story thread. */
class DiscoveryCliTest {

    @TempDir
    static Path dir;

    static Path home;
    static Path index;

    @BeforeAll
    static void buildIndex() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Path archive = dir.resolve("archive");
        Map<String, String> articles = Map.of(
                "a.txt", " date 2022-03-15 Volcano erupts\n\nAsh over the harbor.\n",
                "b.txt", " date 2022-06-10 Meteorite found\n\nA meteorite in the desert.\n",
                "c.txt", " date 2023-06-10 Meteorite found\n\nAnother meteorite in the desert.\n",
                "d.txt", " date 2023-06-20 Desert heat\n\nThe desert is hot.\n",
                "e.txt", " date 2024-06-10 Meteorite found\n\nA third meteorite.\n",
                "f.txt", " date 2024-12-30 Zebra escapes\n\nA zebra, a meteorite of a zebra.\n");
        for (Map.Entry<String, String> e : articles.entrySet()) {
            Files.createDirectories(archive);
            Files.writeString(archive.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        index = dir.resolve("index");
        CliRun.run(home, "--index", index.toString(), "index", archive.toString()).expect(0);
    }

    static CliRun timeline(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString(), "timeline"));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    private static List<String> periods(JsonNode series) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : series.get("periods")) {
            out.add(p.get("period").asText() + "=" + p.get("articles").asLong()
                    + (p.has("share") ? "/" + p.get("all_articles").asLong() : ""));
        }
        return out;
    }

    @Test
    void countsPerYearWithThePeakMarked() {
        JsonNode json = timeline("meteorite", "--by", "year", "--format", "json").expect(0).json();
        assertEquals("year", json.get("by").asText());
        JsonNode series = json.get("series").get(0);
        assertEquals(4, series.get("total").asLong());
        assertEquals("2024", series.get("peak").asText());
        assertEquals(List.of("2022=1", "2023=1", "2024=2"), periods(series));
        // first/last of a period are its own days
        assertEquals("2024-01-01", series.get("periods").get(2).get("first").asText());
        assertEquals("2024-12-31", series.get("periods").get(2).get("last").asText());
    }

    @Test
    void theTextChartScalesToTheLargestPeriodWithinEightyColumns() {
        CliRun run = timeline("meteorite", "--by", "year").expect(0);
        List<String> lines = run.out().lines().toList();
        assertEquals("Articles per year, 2022 to 2024", lines.get(0));
        assertEquals("  █ \"meteorite\": 4 articles", lines.get(1));
        // label 4, two spaces, bar 66, space, value 1, "  peak": 80 columns
        assertEquals("2022  " + "█".repeat(33) + " ".repeat(33) + " 1", lines.get(2));
        assertEquals("2024  " + "█".repeat(66) + " 2  peak", lines.get(4));
        for (String line : lines) {
            assertTrue(line.codePointCount(0, line.length()) <= TimelineChart.WIDTH, line);
        }
    }

    @Test
    void emptyPeriodsAreZeroAndWeeksCarryTheirIsoYear() {
        JsonNode json = timeline("zebra OR volcano", "--by", "week", "--from", "2024-12-23", "--to", "2025-01-05",
                "--format", "json").expect(0).json();
        assertEquals(List.of("2024-W52=0", "2025-W01=1"), periods(json.get("series").get(0)));
    }

    @Test
    void autoPicksMonthsForTwoAndAHalfYearsAndDaysForAFortnight() {
        assertEquals("month", timeline("*:*", "--format", "json").expect(0).json().get("by").asText());
        assertEquals("day", timeline("desert", "--from", "2023-06-08", "--to", "2023-06-21", "--format", "json")
                .expect(0).json().get("by").asText());
    }

    @Test
    void shareDividesByEveryArticleOfThePeriod() {
        JsonNode json = timeline("desert", "--by", "year", "--share", "--format", "json").expect(0).json();
        JsonNode series = json.get("series").get(0);
        assertEquals(List.of("2022=1/2", "2023=2/2"), periods(series));
        assertEquals(0.5, series.get("periods").get(0).get("share").asDouble(), 1e-9);
        assertEquals(1.0, series.get("periods").get(1).get("share").asDouble(), 1e-9);
        assertEquals("2023", series.get("peak").asText());
    }

    @Test
    void aSecondQueryGoesOnTheSamePeriods() {
        // desert: 2022-2023 only; zebra: 2024 only; both timelines run 2022 to 2024
        CliRun run = timeline("desert", "--compare", "zebra, escapes", "--by", "year", "--format", "csv").expect(0);
        assertEquals(List.of("period,first,last,desert,\"zebra, escapes\"",
                "2022,2022-01-01,2022-12-31,1,0",
                "2023,2023-01-01,2023-12-31,2,0",
                "2024,2024-01-01,2024-12-31,0,1"), run.out().lines().toList());
        String text = timeline("desert", "--compare", "zebra", "--by", "year", "--share").expect(0).out();
        assertTrue(text.startsWith("Share of the period's articles per year, 2022 to 2024\n"), text);
        assertTrue(text.contains("  ▒ \"zebra\": 1 article\n"), text);
    }

    @Test
    void noMatchAndBadOptions() {
        assertEquals("No matching articles for \"volcanoes erupting everywhere\"\n",
                timeline("volcanoes", "erupting", "everywhere").expect(0).out());
        CliRun bad = timeline("desert", "--by", "fortnight").expect(ExitCodes.USAGE);
        assertEquals("newsarchive: --by must be day, week, month, year or auto, not 'fortnight'", bad.err().strip());
        timeline("desert AND (", "--by", "year").expect(ExitCodes.USAGE);
        timeline("desert", "--compare", " ").expect(ExitCodes.USAGE);
    }

    @Test
    void svgIsAWellFormedChartWithABarPerPeriodAndQuery() throws Exception {
        Path file = dir.resolve("chart.svg");
        timeline("meteorite", "--compare", "desert <&>", "--by", "year", "--svg", file.toString()).expect(0);
        org.w3c.dom.Document svg = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("Articles per year, 2022 to 2024"), text);
        assertTrue(text.contains("\u201cdesert <&>\u201d: 3 articles"), text); // escaped in the file, read back whole
        int bars = 0;
        org.w3c.dom.NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            if (rects.item(i).getFirstChild() != null) { // bars carry a <title> tooltip
                bars++;
            }
        }
        assertEquals(3 * 2, bars);
        assertTrue(text.contains("peak 2"), text);
    }

    @Test
    void anSvgFileThatCannotBeWrittenIsAUsageError() {
        CliRun run = timeline("meteorite", "--svg", dir.resolve("no/such/folder/chart.svg").toString())
                .expect(ExitCodes.USAGE);
        assertTrue(run.err().startsWith("newsarchive: cannot write the SVG file "), run.err());
        assertEquals(1, run.err().strip().lines().count());
    }

    @Test
    void axisTicksAreRound() {
        assertEquals(50, TimelineSvg.niceCeiling(46, false));
        assertEquals(5, TimelineSvg.intervals(50, false)); // 0 10 20 30 40 50
        assertEquals(200, TimelineSvg.niceCeiling(110, false));
        assertEquals(4, TimelineSvg.intervals(200, false)); // 0 50 100 150 200
        assertEquals(2, TimelineSvg.niceCeiling(2, false));
        assertEquals(2, TimelineSvg.intervals(2, false)); // counts: 0 1 2, never 0.5
        assertEquals(0.2, TimelineSvg.niceCeiling(0.1461, true), 1e-12);
        assertEquals(4, TimelineSvg.intervals(0.2, true));
    }

    @Test
    void similarAsAThreadListsTheStoryByDateWithTheArticleMarked() throws IOException {
        String c = CliRun.idOf(dir.resolve("archive/c.txt").toRealPath());
        JsonNode json = CliRun.run(home, "--index", index.toString(), "similar", c, "--thread", "--format", "json")
                .expect(0).json();
        List<String> dates = new ArrayList<>();
        for (JsonNode a : json.get("articles")) {
            dates.add(a.get("date").asText() + (a.has("given") ? " given" : ""));
        }
        // c shares "meteorite", "found" or "desert" with b, d, e and f; a (volcano) shares nothing
        assertEquals(List.of("2022-06-10", "2023-06-10 given", "2023-06-20", "2024-06-10", "2024-12-30"), dates);
        JsonNode best = CliRun.run(home, "--index", index.toString(), "similar", c, "--limit", "1", "--format", "json")
                .expect(0).json().get("articles");
        assertEquals(1, best.size());
        assertTrue(best.get(0).get("score").asDouble() > 0);
        assertEquals("newsarchive: no article with id 'nope' in the index",
                CliRun.run(home, "--index", index.toString(), "similar", "nope").expect(ExitCodes.USAGE).err().strip());
    }
}
