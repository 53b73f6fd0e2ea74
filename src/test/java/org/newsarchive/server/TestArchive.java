package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.newsarchive.cli.CliEnvironment;
import org.newsarchive.cli.NewsArchiveCommand;
import picocli.CommandLine;

/** A small archive of seed-format articles, indexed by the real CLI, for server tests. */
public final class TestArchive {

    /** Twelve articles over three months, with people, places and organisations, and two copies. */
    static final String[][] ARTICLES = {
        {"2023-01-05", "Cocoa prices rise in London", "Cocoa futures rose in London on Thursday as dealers "
                + "worried about the harvest in Ivory Coast. The International Cocoa Organization said stocks were low."},
        {"2023-01-12", "Ghana expects a larger cocoa crop", "Ghana's cocoa board expects a larger crop this "
                + "season, officials said in Accra. Prices in London fell on the news."},
        {"2023-01-20", "Oil prices fall as OPEC meets", "Oil prices fell on Friday as ministers of OPEC met in "
                + "Vienna to discuss output. Saudi Arabia wants lower production."},
        {"2023-02-02", "Bank of Japan keeps rates unchanged", "The Bank of Japan kept interest rates unchanged on "
                + "Thursday. Governor Haruhiko Kuroda said in Tokyo that the yen was stable."},
        {"2023-02-09", "Yen weakens against the dollar", "The yen weakened against the dollar in Tokyo trading "
                + "after the Bank of Japan spoke. Dealers in New York expect further moves."},
        {"2023-02-16", "Ronald Reagan to visit Japan", "President Ronald Reagan will visit Japan next month, "
                + "the White House said in Washington. Trade will top the agenda in Tokyo."},
        {"2023-02-23", "Reagan and Thatcher discuss trade", "Ronald Reagan and Margaret Thatcher discussed trade "
                + "by telephone, officials in London and Washington said."},
        {"2023-03-02", "Gold and silver climb", "Gold and silver prices climbed in London and New York as "
                + "investors sought safety. Dealers expect more gains."},
        {"2023-03-09", "Wheat harvest in Canada", "Canada expects a record wheat harvest, the government said in "
                + "Ottawa. Exports to China could rise."},
        {"2023-03-16", "Interest rates in Europe", "Interest rates in Europe stayed low as the Bundesbank in "
                + "Frankfurt held its discount rate. Dealers in London were not surprised."},
        {"2023-03-23", "Cocoa stocks fall in Ivory Coast", "Cocoa stocks fell sharply in Ivory Coast this week "
                + "as exporters shipped beans to Europe. Traders in London watched the market closely."},
        {"2023-03-24", "Cocoa stocks fall in Ivory Coast", "Cocoa stocks fell sharply in Ivory Coast this week "
                + "as exporters shipped beans to Europe. Traders in London watched the market closely."},
    };

    private TestArchive() {
    }

    /** Writes the articles under {@code folder}/articles and indexes them into {@code folder}/index. */
    public static Path build(Path folder) throws IOException {
        Path articles = folder.resolve("articles");
        Files.createDirectories(articles);
        for (int i = 0; i < ARTICLES.length; i++) {
            write(articles, i, ARTICLES[i][0], ARTICLES[i][1], ARTICLES[i][2]);
        }
        Path index = folder.resolve("index");
        index(folder, index, articles);
        return index;
    }

    /** Writes one article file, {@code a-NN.txt}. */
    public static Path write(Path folder, int number, String date, String headline, String body) throws IOException {
        Path file = folder.resolve(String.format("a-%02d.txt", number));
        Files.writeString(file, " date " + date + "\n" + headline + "\n\n" + body + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Runs {@code index} (incremental) over {@code articles} into {@code index}. */
    public static void index(Path home, Path index, Path articles) {
        run(home, 0, "--index", index.toString(), "index", "--quiet", articles.toString());
    }

    /** Runs the CLI in-process; asserts the exit code. */
    public static String run(Path home, int expectedCode, String... args) {
        CommandLine cmd = NewsArchiveCommand.commandLine(new CliEnvironment(Map.of(), home, false), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        assertEquals(expectedCode, code, () -> String.join(" ", args) + "\n" + out + err);
        return out.toString();
    }
}
