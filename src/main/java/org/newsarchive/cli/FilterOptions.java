package org.newsarchive.cli;

import java.util.ArrayList;
import java.util.List;
import org.newsarchive.entity.EntityType;
import org.newsarchive.query.EntityFilter;
import org.newsarchive.query.MetadataFilter;
import picocli.CommandLine.Option;

/**
 * The filters a search and a timeline share: entities every article must name, sites and
 * authors it must have. Named as the API's parameters are ({@code --person} is {@code person}).
 */
final class FilterOptions {

    @Option(names = "--person", paramLabel = "NAME", description = "Only articles mentioning this person (repeatable: all must match).")
    private List<String> persons = new ArrayList<>();

    @Option(names = "--org", paramLabel = "NAME", description = "Only articles mentioning this organisation (repeatable).")
    private List<String> orgs = new ArrayList<>();

    @Option(names = "--place", paramLabel = "NAME", description = "Only articles mentioning this place (repeatable).")
    private List<String> places = new ArrayList<>();

    @Option(names = "--misc", paramLabel = "NAME", description = "Only articles mentioning this other name (an event, a nationality...; repeatable).")
    private List<String> miscs = new ArrayList<>();

    @Option(names = "--source", paramLabel = "SITE", description = "Only articles published by this site, e.g. reuters.com (repeatable: all must match).")
    private List<String> sources = new ArrayList<>();

    @Option(names = "--author", paramLabel = "NAME", description = "Only articles by this author (repeatable: all must match).")
    private List<String> authors = new ArrayList<>();

    // Loops rather than forEach with lambdas: every search runs these, in a JVM that has just
    // started, where each lambda is linked on first use (about a millisecond of interpreted code
    // each), whether or not there is any filter to add.

    List<EntityFilter> entities() {
        List<EntityFilter> filters = new ArrayList<>();
        add(filters, EntityType.PERSON, persons);
        add(filters, EntityType.ORGANIZATION, orgs);
        add(filters, EntityType.LOCATION, places);
        add(filters, EntityType.MISC, miscs);
        return filters;
    }

    private static void add(List<EntityFilter> filters, EntityType type, List<String> names) {
        for (String name : names) {
            filters.add(new EntityFilter(type, name));
        }
    }

    List<MetadataFilter> metadata() {
        List<MetadataFilter> metadata = new ArrayList<>();
        for (String site : sources) {
            metadata.add(checked("--source", "site", MetadataFilter.source(site)));
        }
        for (String name : authors) {
            metadata.add(checked("--author", "name", MetadataFilter.author(name)));
        }
        return metadata;
    }

    /** A filter whose value matches something, or a usage error: an empty key would silently find nothing. */
    private static MetadataFilter checked(String option, String what, MetadataFilter filter) {
        if (filter.isEmpty()) {
            throw new UsageException(option + " needs a " + what + ", not '" + filter.value() + "'");
        }
        return filter;
    }
}
