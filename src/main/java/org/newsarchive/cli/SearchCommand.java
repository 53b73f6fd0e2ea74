package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsarchive.json.ExportField;
import org.newsarchive.json.SearchJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.SearchHit;
import org.newsarchive.query.SearchRequest;
import org.newsarchive.query.SearchResult;
import org.newsarchive.query.Suggestion;
import org.newsarchive.query.Snippet;
import org.newsarchive.query.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive search QUERY}: ranked, date-filtered full-text search. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Search the archive. QUERY uses Lucene's classic syntax over headline and body:",
            "  words (all must match), \"exact phrase\", OR, NOT, +must, -mustnot, wildc*rd, fuzzy~,",
            "  \"near words\"~5, headline:word, date:2023-12, date:[2023-01-01 TO 2023-06],",
            "  person:\"Joe Biden\", source:reuters.com, author:\"Jane Doe\", language:en,",
            "  url:\"https://...\" (exact).",
            "  *:* matches every article. Several QUERY words are joined with spaces.",
            "When fewer articles than the page holds have all the words, the page goes on with",
            "  articles that have some of them, marked as such (--all-words: never).",
        })
final class SearchCommand extends ArchiveCommand {

    @Mixin
    SolrOptions solr;

    @Override
    SolrOptions solrOptions() {
        return solr;
    }


    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query.")
    private List<String> query;

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; --to 2023-02 ends on Feb 28).")
    private String to;

    @Mixin
    private FilterOptions filters;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
            description = "relevance (ties: newest first), newest or oldest. Default: ${DEFAULT-VALUE}.")
    private SortOrder sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to show; 0 prints only the total. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip, for paging. Default: ${DEFAULT-VALUE}.")
    private int offset;

    @Option(names = "--all-words", description = "Only articles with every word: no articles with some of the words after them.")
    private boolean allWords;

    @Option(names = "--expand", description = "Rank also by the words of the best matches (pseudo-relevance feedback):"
            + " same matches and counts, another order; better for finding everything on a subject. With --sort relevance only.")
    private boolean expand;

    @Option(names = "--collapse", description = "One article per group of near-duplicate copies, with how many copies it stands for.")
    private boolean collapse;

    @Option(names = "--all", description = "Stream every article with all the words (as many as the total), one JSON line each: needs --format jsonl.")
    private boolean all;

    @Option(names = "--fields", paramLabel = "FIELD", split = ",",
            description = "With --all: the fields of each line, in order (id, date, published, headline, body, path, url, source, authors, language, size, sha256, words, entities, score). Default: all (url, source, authors and language when known).")
    private List<String> fields = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one hit per line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Bold matches in text output: auto (on a terminal), always or never. Default: ${DEFAULT-VALUE}.")
    private ColorChoice color;

    @Override
    public Integer call() throws IOException {
        for (String word : query) {
            if (word.startsWith("--")) {
                throw new UsageException("unknown option '" + word + "' (see 'newsarchive search --help')");
            }
        }
        if (limit < 0) {
            throw new UsageException("--limit must be 0 or more, not " + limit);
        }
        if (offset < 0) {
            throw new UsageException("--offset must be 0 or more, not " + offset);
        }
        if (expand && sort != SortOrder.RELEVANCE) {
            throw new UsageException("--expand changes the ranking by relevance: it takes no --sort "
                    + sort.name().toLowerCase(Locale.ROOT));
        }
        DateRange dates = DateRange.of(from, to);
        SearchRequest request = new SearchRequest(String.join(" ", query), dates, filters.entities(), filters.metadata(), sort, limit, offset,
                allWords, expand);
        if (all || !fields.isEmpty()) {
            return export(request);
        }
        SearchResult result;
        try (Archive searcher = openSearcher()) {
            result = collapse ? searcher.searchCollapsed(request) : searcher.search(request);
        }
        PrintWriter out = out();
        switch (format) {
            case JSON -> JsonOutput.print(out, SearchJson.of(result), format);
            case JSONL -> result.hits().forEach(hit -> JsonOutput.print(out, SearchJson.hit(hit), format));
            case TEXT -> printText(out, request, result, color.enabled(top.environment()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code --all}: every complete match as a JSON line, a page at a time. */
    private int export(SearchRequest request) throws IOException {
        if (!all) {
            throw new UsageException("--fields works with --all");
        }
        if (format != OutputFormat.JSONL) {
            throw new UsageException("--all streams one JSON line per article: add --format jsonl");
        }
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--limit") || parsed.hasMatchedOption("--offset")) {
            throw new UsageException("--all exports every match: it takes no --limit or --offset");
        }
        if (collapse) {
            throw new UsageException("--all exports every match, copies included: it takes no --collapse");
        }
        if (expand) {
            throw new UsageException("--all exports every match ranked without feedback: it takes no --expand");
        }
        List<ExportField> chosen;
        try {
            chosen = ExportField.parse(fields);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replaceFirst(" \\(fields: ", " for --fields (fields: "));
        }
        boolean named = !fields.isEmpty();
        PrintWriter out = out();
        try (Archive searcher = openSearcher()) {
            searcher.export(request, (article, score) ->
                    JsonOutput.print(out, ExportField.line(chosen, named, article, score), OutputFormat.JSONL));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, SearchRequest request, SearchResult result, boolean bold) {
        long total = result.total();
        // a loop, not two streams with lambdas: see FilterOptions
        List<SearchHit> complete = new ArrayList<>();
        List<SearchHit> partial = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            (hit.partial() ? partial : complete).add(hit);
        }
        String matches = String.format("%,d %s match%s", total, total == 1 ? "article" : "articles", total == 1 ? "es" : "");
        int first = request.offset() + 1;
        if (complete.isEmpty()) {
            boolean beyond = total > 0 && request.limit() > 0 && partial.isEmpty();
            out.printf("%s%s  (%d ms)%n", matches, beyond ? " (none on this page: --offset " + request.offset() + ")" : "",
                    result.tookMs());
        } else {
            out.printf("%s, showing %d-%d  (%d ms)%n", matches, first, first + complete.size() - 1, result.tookMs());
            print(out, complete, first, bold);
        }
        printSuggestions(out, result);
        if (result.partialTotal().isPresent() && result.partialTotal().getAsLong() > 0) {
            long some = result.partialTotal().getAsLong();
            String more = String.format("%,d more %s some of the words", some, some == 1 ? "article has" : "articles have");
            out.println();
            if (partial.isEmpty()) {
                out.println(more);
            } else {
                int from = first + complete.size();
                out.printf("%s, showing %d-%d:%n", more, from, from + partial.size() - 1);
                print(out, partial, from, bold);
            }
        }
    }

    /** "Did you mean: ..." and the entity names that exist, when the search found few articles. */
    private static void printSuggestions(PrintWriter out, SearchResult result) {
        if (result.didYouMean() != null) {
            out.printf("Did you mean: %s%n", result.didYouMean());
        }
        for (Suggestion s : result.suggestions()) {
            if (!s.field().equals("text")) {
                out.printf("No article names the %s \"%s\"; did you mean \"%s\" (%,d article%s)?%n", s.field(), s.typed(),
                        s.suggested(), s.articles(), s.articles() == 1 ? "" : "s");
            }
        }
    }

    private static void print(PrintWriter out, List<SearchHit> hits, int firstRank, boolean bold) {
        int rank = firstRank;
        for (SearchHit hit : hits) {
            out.println();
            out.printf("%d. %s  %s%n", rank++, hit.date(), mark(hit.headline(), bold));
            if (!hit.snippet().text().isEmpty()) {
                out.println("   " + mark(hit.snippet(), bold));
            }
            String byline = Byline.of(hit.source(), hit.authors());
            out.printf("   id %s  %s%s%n", hit.id(), byline.isEmpty() ? "" : byline + "  ", hit.path());
            if (hit.copies() > 0) {
                out.printf("   +%d similar cop%s (show %s)%n", hit.copies(), hit.copies() == 1 ? "y" : "ies", hit.id());
            }
        }
    }

    private static String mark(Snippet snippet, boolean bold) {
        return bold ? snippet.render("\u001b[1m", "\u001b[0m") : snippet.text();
    }

    /** When text output marks matches in bold. */
    enum ColorChoice {
        AUTO, ALWAYS, NEVER;

        boolean enabled(CliEnvironment environment) {
            return this == ALWAYS || (this == AUTO && environment.colorByDefault());
        }
    }
}
