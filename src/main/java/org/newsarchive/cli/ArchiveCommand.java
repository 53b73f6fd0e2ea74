package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.query.Archive;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.schema.ArticleSchema;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command that works on an index shares: the global options of its parent, its own
 * {@code --index}, and the output writer picocli was given (so tests inject theirs).
 */
abstract class ArchiveCommand implements Callable<Integer> {

    @ParentCommand
    NewsArchiveCommand top;

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOption indexOption;

    /** Whether --index was given, globally or to this command. */
    boolean indexGiven() {
        return top.indexGiven(indexOption.index);
    }

    /** The index this command works on. */
    Path indexLocation() {
        return indexOption.resolve(top);
    }

    /**
     * Opens the index for reading, with the alias table the user chose, and warns on stderr when
     * the index was built by a version whose documents this one reads differently.
     */
    Archive openSearcher() throws IOException {
        Archive searcher = openSearcher(top.aliases());
        Map<String, String> commitData = searcher.commitData();
        if (!commitData.isEmpty() || !onSolr()) {
            warnIfStale(commitData);
        }
        return searcher;
    }

    /** Says on stderr when the index was built by a version whose documents this one reads differently. */
    void warnIfStale(Map<String, String> commitData) {
        String stale = ArticleSchema.staleness(commitData);
        if (stale != null) {
            err().println("newsarchive: warning: " + stale + "; rebuild it with 'newsarchive reindex'");
            err().flush();
        }
    }

    /**
     * The command's {@code --solr}/{@code --collection} options, or null for a command that works
     * on the local index only.
     */
    SolrOptions solrOptions() {
        return null;
    }

    /** Whether this run works on a SolrCloud collection (refusing half an address, or --index beside it). */
    boolean onSolr() throws IndexUnavailableException {
        SolrOptions solr = solrOptions();
        if (solr == null) {
            return false;
        }
        solr.check(indexGiven());
        return solr.enabled();
    }

    /**
     * Opens the archive for reading with these aliases: the SolrCloud collection of
     * {@code --solr}, or the local index through the environment's opener.
     */
    Archive openSearcher(AliasTable aliases) throws IOException {
        if (onSolr()) {
            return SolrArchiveOpener.open(solrOptions(), aliases); // its own class: local runs load no Solr class
        }
        Path location = indexLocation();
        return ArchiveSearcher.over(location, top.environment().indexes().open(location), aliases);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
