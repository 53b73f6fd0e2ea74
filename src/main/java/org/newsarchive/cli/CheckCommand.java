package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.newsarchive.index.CheckReport;
import org.newsarchive.index.IndexChecker;
import org.newsarchive.json.JsonText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsarchive check}: is the index sound, and does it hold what the files say? */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Check the index with Lucene's CheckIndex, then compare it with the article files under",
            "the paths it was built from: new files, changed files, articles whose files are gone.",
            "Exit 0 only when the index is sound and up to date; 5 when it is sound but out of date",
            "(run 'index --prune' on those paths); 4 when it is damaged (run 'reindex').",
        })
final class CheckCommand extends ArchiveCommand {

    private static final int LISTED = 20;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        CheckReport report = IndexChecker.check(indexLocation());
        PrintWriter out = out();
        if (format == OutputFormat.TEXT) {
            printText(out, report);
        } else {
            JsonOutput.print(out, toJson(report), format);
        }
        out.flush();
        if (!report.sound()) {
            err().println("newsarchive: the index at " + indexLocation() + " is damaged (" + report.problem()
                    + "); rebuild it with 'newsarchive reindex'");
            err().flush();
            return ExitCodes.INDEX_UNAVAILABLE;
        }
        return report.upToDate() ? ExitCodes.OK : ExitCodes.OUT_OF_DATE;
    }

    static ObjectNode toJson(CheckReport report) {
        ObjectNode node = JsonText.object();
        node.put("sound", report.sound());
        node.put("up_to_date", report.upToDate());
        if (report.problem() != null) {
            node.put("problem", report.problem());
        }
        node.put("articles", report.articles());
        list(node.putArray("new"), report.newFiles());
        list(node.putArray("changed"), report.changed());
        list(node.putArray("missing"), report.missing());
        list(node.putArray("rejected"), report.rejected());
        return node;
    }

    private static void list(ArrayNode array, List<String> paths) {
        paths.forEach(array::add);
    }

    private static void printText(PrintWriter out, CheckReport report) {
        if (!report.sound()) {
            out.println("index: damaged: " + report.problem());
            return;
        }
        out.printf("index: sound, %,d articles%n", report.articles());
        section(out, "new files not indexed", report.newFiles());
        section(out, "changed files", report.changed());
        section(out, "articles whose files are gone", report.missing());
        section(out, "files that cannot be indexed", report.rejected());
        out.println(report.upToDate() ? "up to date" : "out of date: run 'newsarchive index --prune' on the archive");
    }

    private static void section(PrintWriter out, String title, List<String> paths) {
        out.printf("%s: %,d%n", title, paths.size());
        paths.stream().limit(LISTED).forEach(p -> out.println("  " + p));
        if (paths.size() > LISTED) {
            out.printf("  ... and %,d more (--format json lists them all)%n", paths.size() - LISTED);
        }
    }
}
