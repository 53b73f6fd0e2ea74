package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.newsarchive.index.IndexListener;
import org.newsarchive.index.IndexReport;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;
import org.newsarchive.json.JsonText;

/**
 * Tells the user how an indexing run goes: each rejected file as one stderr line the moment it
 * is found (and as a JSON line in the {@code --report} file), a progress line on a terminal
 * (files done of the total, files per second, time left), and the summary at the end.
 */
final class IndexRunReporter implements IndexListener, Closeable {

    private final PrintWriter err;
    private final boolean progress;
    private final long totalFiles;
    private final BufferedWriter report;
    private final long started = System.nanoTime();
    private boolean progressShown;

    /**
     * @param progress   whether to draw the progress line (a terminal, not --quiet)
     * @param totalFiles files the run will see, or -1 when not counted
     * @param reportFile where to write rejected files as JSON lines, or null
     */
    IndexRunReporter(PrintWriter err, boolean progress, long totalFiles, Path reportFile) throws IOException {
        this.err = err;
        this.progress = progress;
        this.totalFiles = totalFiles;
        try {
            this.report = reportFile == null ? null : Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write the report file " + reportFile + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void rejected(Rejected rejected) {
        clearProgress();
        err.println("rejected " + rejected.message());
        err.flush();
        if (report != null) {
            ObjectNode line = JsonText.object();
            line.put("path", rejected.path().toString());
            if (rejected.line() > 0) {
                line.put("line", rejected.line());
            }
            line.put("reason", rejected.reason().code());
            line.put("detail", rejected.detail());
            try {
                report.write(line.toString());
                report.newLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized void skipped(Path path, String why) {
        clearProgress();
        err.println("skipped " + path + ": " + why);
        err.flush();
    }

    @Override
    public synchronized void note(String message) {
        clearProgress();
        err.println("note: " + message);
        err.flush();
    }

    @Override
    public synchronized void progress(long filesDone, long articlesDone) {
        if (!progress) {
            return;
        }
        err.print(progressLine(filesDone, articlesDone, totalFiles, (System.nanoTime() - started) / 1e9));
        err.flush();
        progressShown = true;
    }

    /**
     * The progress line: files done of the total, files per second and the time left; when
     * files hold many articles (JSON lines), the articles and articles per second instead of a
     * time left that the count of files cannot tell.
     */
    static String progressLine(long filesDone, long articlesDone, long totalFiles, double elapsedSeconds) {
        double seconds = Math.max(1e-3, elapsedSeconds);
        StringBuilder line = new StringBuilder("\rindexing: ");
        if (totalFiles > 0) {
            line.append(String.format(Locale.ROOT, "%,d / %,d files", filesDone, totalFiles));
        } else {
            line.append(String.format(Locale.ROOT, "%,d files", filesDone));
        }
        if (articlesDone > filesDone) {
            line.append(String.format(Locale.ROOT, ", %,d articles  %,.0f articles/s", articlesDone, articlesDone / seconds));
        } else {
            double rate = filesDone / seconds;
            line.append(String.format(Locale.ROOT, "  %,.0f files/s", rate));
            if (totalFiles > 0 && rate > 0 && filesDone < totalFiles) {
                long left = (long) ((totalFiles - filesDone) / rate);
                line.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
            }
        }
        return line.append("   ").toString();
    }

    private void clearProgress() {
        if (progressShown) {
            err.print("\r" + " ".repeat(78) + "\r");
            progressShown = false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        clearProgress();
        err.flush();
        if (report != null) {
            report.close();
        }
    }

    /** The end-of-run summary, as text or JSON. */
    static void printSummary(PrintWriter out, IndexReport report, String index, OutputFormat format) {
        if (format != OutputFormat.TEXT) {
            JsonOutput.print(out, toJson(report), format);
            return;
        }
        double seconds = report.elapsed().toNanos() / 1e9;
        out.printf(Locale.ROOT,
                "indexed into %s in %.1f s: %,d added, %,d updated, %,d unchanged, %,d deleted, %,d rejected%s%n",
                index, seconds, report.added(), report.updated(), report.unchanged(), report.deleted(),
                report.rejectedCount(), report.duplicates() == 0 ? ""
                        : String.format(Locale.ROOT, ", %,d duplicate%s passed over", report.duplicates(),
                                report.duplicates() == 1 ? "" : "s"));
        if (report.rejectedCount() > 0) {
            StringBuilder reasons = new StringBuilder();
            report.rejectedByReason().forEach((reason, count) ->
                    reasons.append(reasons.length() == 0 ? "" : ", ").append(reason.code()).append(' ').append(count));
            out.println("rejected by reason: " + reasons);
        }
        out.printf("the index now holds %,d article%s%n", report.articles(), report.articles() == 1 ? "" : "s");
    }

    static ObjectNode toJson(IndexReport report) {
        ObjectNode node = JsonText.object();
        node.put("added", report.added());
        node.put("updated", report.updated());
        node.put("unchanged", report.unchanged());
        node.put("deleted", report.deleted());
        node.put("duplicates", report.duplicates());
        node.put("rejected", report.rejectedCount());
        ObjectNode reasons = node.putObject("rejected_by_reason");
        for (Map.Entry<RejectReason, Long> e : report.rejectedByReason().entrySet()) {
            reasons.put(e.getKey().code(), e.getValue());
        }
        ArrayNode files = node.putArray("rejected_files");
        for (Rejected r : report.rejected()) {
            ObjectNode file = files.addObject();
            file.put("path", r.path().toString());
            if (r.line() > 0) {
                file.put("line", r.line());
            }
            file.put("reason", r.reason().code());
            file.put("detail", r.detail());
        }
        node.put("skipped", report.skipped().size());
        node.put("articles", report.articles());
        node.put("elapsed_ms", report.elapsed().toMillis());
        return node;
    }
}
