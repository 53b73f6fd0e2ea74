package org.newsarchive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.newsarchive.index.ArticleIndexer;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.solr.SolrArchiveState;
import org.newsarchive.solr.SolrArchives;
import org.newsarchive.solr.SolrArticleStore;
import org.newsarchive.solr.SolrConnection;
import org.newsarchive.solr.SolrRebuild;
import org.newsarchive.solr.SolrTarget;
import org.newsarchive.solr.SolrUnavailableException;

/**
 * The write commands on SolrCloud ({@code solr init}, {@code index --solr}, {@code reindex --solr}):
 * the one class of the command line that names the Solr back-end, reached only when a command is
 * given {@code --solr} (or is {@code solr init}), so that a local command loads no Solr class.
 * The commands keep their checks of paths and options, and the run itself is the local one's
 * ({@link IndexCommand#run}) through a store on the collection.
 *
 * <p>Failures: a malformed {@code --solr} is a usage error (exit 2); a cluster that cannot be
 * reached, a missing collection or alias, a refused request, exit 4 in one line that names the
 * collection and the cluster.
 */
final class SolrIndexing {

    private SolrIndexing() {
    }

    /** {@code solr init}: the configset, the first collection and the alias. */
    static int init(PrintWriter out, SolrOptions options, int shards, int replicas) throws IOException {
        SolrTarget target = target(options);
        try (SolrConnection solr = SolrArchives.connect(target)) {
            if (SolrArchives.exists(solr)) {
                throw new UsageException(target.describe() + ": exists already; index into it with 'newsarchive index"
                        + " --solr " + target.cluster() + " --collection " + target.collection() + " PATH...'");
            }
            String real = SolrArchives.init(solr, shards, replicas);
            out.println("created the archive " + target.collection() + " on " + target.cluster() + ": alias "
                    + target.collection() + " of the collection " + real + " (" + shards + " shard" + (shards == 1 ? "" : "s")
                    + ", " + replicas + " replica" + (replicas == 1 ? "" : "s") + " each)");
            out.flush();
            return ExitCodes.OK;
        } catch (SolrUnavailableException e) {
            throw unavailable(e);
        }
    }

    /** {@code index --solr}: an incremental run into the collection behind the alias. */
    static int index(IndexCommand command, SolrOptions options, List<Path> paths, InputStream standardInput,
            IndexingOptions indexing, boolean prune) throws IOException {
        SolrTarget target = target(options);
        try (SolrConnection solr = SolrArchives.connect(target)) {
            return IndexCommand.run(command, paths, standardInput, indexing, prune, target.describe(),
                    extractor -> ArticleIndexer.over(SolrArticleStore.open(solr), extractor, false));
        } catch (SolrUnavailableException e) {
            throw unavailable(e);
        }
    }

    /**
     * {@code reindex --solr}: a new collection built from the recorded (or given) paths, the
     * alias switched to it, the old collection deleted {@code grace} later. A failed run deletes
     * the new collection: the archive stays as it was.
     */
    static int reindex(ReindexCommand command, SolrOptions options, List<Path> paths, IndexingOptions indexing,
            Duration grace) throws IOException {
        SolrTarget target = target(options);
        try (SolrConnection solr = SolrArchives.connect(target)) {
            List<Path> roots = ReindexCommand.roots(paths, paths.isEmpty() ? SolrArchiveState.read(solr) : Map.of());
            SolrRebuild rebuild = SolrRebuild.start(solr);
            int code;
            try {
                code = IndexCommand.run(command, roots, null, indexing, false,
                        target.withCollection(rebuild.building()).describe(),
                        extractor -> ArticleIndexer.over(rebuild.store(), extractor, true));
            } catch (IOException | RuntimeException | Error e) {
                rebuild.abandon();
                throw e;
            }
            rebuild.switchOver(grace);
            command.err().println("newsarchive: the alias " + target.collection() + " now names " + rebuild.building()
                    + "; deleted the old collection " + rebuild.replaced());
            command.err().flush();
            return code;
        } catch (SolrUnavailableException e) {
            throw unavailable(e);
        }
    }

    /** The cluster and collection of the options, or a usage error that says what is malformed. */
    private static SolrTarget target(SolrOptions options) {
        try {
            return SolrTarget.parse(options.solr, options.collection);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The one line of a Solr failure, as the exit code of an archive that cannot be used (4). */
    private static IndexUnavailableException unavailable(SolrUnavailableException e) {
        return new IndexUnavailableException(e.getMessage(), e);
    }
}
