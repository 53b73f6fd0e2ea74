package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsarchive.json.TimelineJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.TimeBucket;
import org.newsarchive.query.Timeline;
import org.newsarchive.query.TimelineSeries;
import org.newsarchive.query.TimelinePeriod;
import org.newsarchive.query.TimelinesRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive timeline QUERY}: how many matching articles per period. */
@Command(
        name = "timeline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "How many articles match QUERY per day, week (ISO, from Monday), month or year, as a",
            "bar chart (or JSON or CSV). Periods without a match show as zero. --share divides by",
            "all articles of the period; --compare puts a second query on the same periods;",
            "--svg FILE also writes the chart as an image.",
        })
final class TimelineCommand extends ArchiveCommand {

    @Mixin
    SolrOptions solr;

    @Override
    SolrOptions solrOptions() {
        return solr;
    }

    /** Output formats of a timeline: CSV is a table for spreadsheets, not a search result. */
    enum Format { TEXT, JSON, CSV }

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query, as for search.")
    private List<String> query;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY, YYYY-MM or YYYY-MM-DD; default: the first matching article).")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: the last matching article).")
    private String to;

    @Mixin
    private FilterOptions filters;

    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "auto",
            description = "day, week, month, year or auto (at most " + TimeBucket.MAX_AUTO_PERIODS + " periods). Default: ${DEFAULT-VALUE}.")
    private String by;

    @Option(names = "--share", description = "Each period's matches as a share of all its articles.")
    private boolean share;

    @Option(names = "--compare", paramLabel = "QUERY2", description = "A second query on the same periods.")
    private String compare;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the chart as an SVG image to FILE.")
    private Path svg;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or csv. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Override
    public Integer call() throws IOException {
        TimeBucket bucket = bucket(by);
        if (compare != null && compare.isBlank()) {
            throw new UsageException("--compare needs a query");
        }
        List<String> queries = new ArrayList<>();
        queries.add(String.join(" ", query));
        if (compare != null) {
            queries.add(compare);
        }
        TimelineSeries answer;
        try (Archive searcher = openSearcher()) {
            answer = searcher.timelines(new TimelinesRequest(queries, DateRange.of(from, to), filters.entities(), filters.metadata(),
                    bucket, share));
        }
        List<Timeline> series = answer.series();
        Timeline all = answer.all();
        if (svg != null) {
            try {
                Files.writeString(svg, TimelineSvg.render(series, all), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("cannot write the SVG file " + svg + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        PrintWriter out = out();
        switch (format) {
            case TEXT -> TimelineChart.print(out, series, all);
            case JSON -> JsonOutput.print(out, TimelineJson.of(answer), OutputFormat.JSON);
            case CSV -> printCsv(out, series, all);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static TimeBucket bucket(String name) {
        try {
            return TimeBucket.named(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--by " + e.getMessage());
        }
    }

    private static void printCsv(PrintWriter out, List<Timeline> series, Timeline all) {
        StringBuilder header = new StringBuilder("period,first,last");
        for (Timeline t : series) {
            header.append(',').append(csv(t.query()));
            if (all != null) {
                header.append(',').append(csv(t.query() + " share"));
            }
        }
        if (all != null) {
            header.append(",all articles");
        }
        out.println(header);
        Timeline first = series.get(0);
        for (int i = 0; i < first.periods().size(); i++) {
            TimelinePeriod p = first.periods().get(i);
            StringBuilder row = new StringBuilder(first.by().label(p.first())).append(',').append(p.first())
                    .append(',').append(p.last());
            for (Timeline t : series) {
                long articles = t.periods().get(i).articles();
                row.append(',').append(articles);
                if (all != null) {
                    row.append(',').append(TimelineSeries.values(t, all)[i]);
                }
            }
            if (all != null) {
                row.append(',').append(all.periods().get(i).articles());
            }
            out.println(row);
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
