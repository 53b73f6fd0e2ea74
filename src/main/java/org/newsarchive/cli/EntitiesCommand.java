package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.newsarchive.json.EntitiesJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.CountedField;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.EntityCount;
import org.newsarchive.query.EntityCountRequest;
import org.newsarchive.query.EntityCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive entities [QUERY]}: who and what the matching articles are about. */
@Command(
        name = "entities",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The most frequent people, organisations, places and other names among the articles",
            "matching QUERY (default: every article), with the number of articles naming each.",
            "--type source or --type author counts the sites and authors that published them.",
            "--with NAME counts only articles that also name NAME: who appears with whom.",
        })
final class EntitiesCommand extends ArchiveCommand {

    @Mixin
    SolrOptions solr;

    @Override
    SolrOptions solrOptions() {
        return solr;
    }


    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query, as for search (default: *:*).")
    private List<String> query = List.of();

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles on or before DATE.")
    private String to;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "person, org, place, misc, source or author (repeatable or comma-separated; default: person, org, place and misc).")
    private List<String> types = List.of();

    @Option(names = "--with", paramLabel = "NAME", description = "Count only articles that also name NAME (any type); NAME itself is left out.")
    private String with;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many entities. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one entity per line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new UsageException("--limit must be 1 or more, not " + limit);
        }
        Set<CountedField> wanted = EnumSet.noneOf(CountedField.class);
        for (String name : types) {
            CountedField type = CountedField.fromName(name.strip());
            if (type == null) {
                throw new UsageException("unknown type '" + name + "' for --type (person, org, place, misc, source or author)");
            }
            wanted.add(type);
        }
        if (with != null && with.isBlank()) {
            throw new UsageException("--with needs a name");
        }
        String text = query.isEmpty() ? "*:*" : String.join(" ", query);
        EntityCountRequest request = new EntityCountRequest(text, DateRange.of(from, to), wanted, limit, with);
        EntityCounts counts;
        try (Archive searcher = openSearcher()) {
            counts = searcher.entities(request);
        }
        PrintWriter out = out();
        switch (format) {
            case JSON -> JsonOutput.print(out, EntitiesJson.of(request, counts), format);
            case JSONL -> counts.entities().forEach(e -> JsonOutput.print(out, EntitiesJson.count(e), format));
            case TEXT -> printText(out, request, counts);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, EntityCountRequest request, EntityCounts counts) {
        String scope = request.with() == null ? "" : " that also name " + request.with();
        out.printf("%,d matching article%s%s  (%d ms)%n", counts.articles(), counts.articles() == 1 ? "" : "s", scope,
                counts.tookMs());
        if (counts.entities().isEmpty()) {
            return;
        }
        out.println();
        for (EntityCount count : counts.entities()) {
            out.printf("%,8d  %-6s %s%n", count.articles(), count.type().queryName(), count.name());
        }
    }
}
