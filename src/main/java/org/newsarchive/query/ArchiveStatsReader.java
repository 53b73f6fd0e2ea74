package org.newsarchive.query;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.DateFieldDef;

/** Counts and extent of an index: what {@code stats} prints. */
final class ArchiveStatsReader {

    private final String location;
    private final OpenIndex index;
    private final IndexSearcher searcher;
    private final DirectoryReader reader;
    private final Directory directory;

    ArchiveStatsReader(String location, OpenIndex index, IndexSearcher searcher) {
        this.location = location;
        this.index = index;
        this.searcher = searcher;
        this.reader = index.reader();
        this.directory = index.directory();
    }

    /** Counts and extent of the index. */
    ArchiveStats stats() throws IOException {
        return new ArchiveStats(
                location,
                reader.numDocs(),
                extremeDate(false),
                extremeDate(true),
                indexBytes(),
                sourceBytes(),
                new NearDuplicates(searcher).clustersWithCopies(),
                index.commitData());
    }

    private LocalDate extremeDate(boolean newest) throws IOException {
        TopDocs top = searcher.search(new MatchAllDocsQuery(), 1, new Sort(ArticleFields.DATE.sortField(newest)));
        if (top.scoreDocs.length == 0) {
            return null;
        }
        return DateFieldDef.dateOf((Long) ((FieldDoc) top.scoreDocs[0]).fields[0]);
    }

    /**
     * The size of the commit being read: its files only, so that files beside it (a writer's
     * unfinished segments, a server's address file) do not count.
     */
    private long indexBytes() throws IOException {
        long bytes = 0;
        for (String file : reader.getIndexCommit().getFileNames()) {
            try {
                bytes += directory.fileLength(file);
            } catch (NoSuchFileException | FileNotFoundException gone) {
                // a concurrent writer removed it between listing and measuring
            }
        }
        return bytes;
    }

    private long sourceBytes() throws IOException {
        long bytes = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues sizes = ArticleFields.SIZE.values(leaf.reader());
            if (sizes == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = sizes.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = sizes.nextDoc()) {
                if (live == null || live.get(doc)) {
                    bytes += sizes.longValue();
                }
            }
        }
        return bytes;
    }
}
