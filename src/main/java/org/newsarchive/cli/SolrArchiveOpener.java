package org.newsarchive.cli;

import java.io.IOException;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.query.Archive;
import org.newsarchive.solr.SolrArchive;
import org.newsarchive.solr.SolrArchiveState;
import org.newsarchive.solr.SolrConnection;
import org.newsarchive.solr.SolrTarget;

/**
 * Opens the archive of {@code --solr URL --collection NAME}. The only class of the read commands
 * that names the Solr back-end, reached only when those options are given, so that a local run
 * loads none of it.
 */
final class SolrArchiveOpener {

    private SolrArchiveOpener() {
    }

    static Archive open(SolrOptions options, AliasTable aliases) throws IOException {
        return SolrArchive.over(SolrConnection.open(target(options)), aliases, SolrArchiveState::read);
    }

    /** The collection and its cluster in words, for messages: {@code collection NAME on URL}. */
    static String describe(SolrOptions options) {
        return target(options).describe();
    }

    private static SolrTarget target(SolrOptions options) {
        try {
            return SolrTarget.parse(options.solr, options.collection);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
