package org.newsarchive.solr;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.newsarchive.index.IndexedFileTable;
import org.newsarchive.index.IndexedFiles;
import org.newsarchive.schema.ArticleFields;

/**
 * A collection as it was when a run started, for the run's change decision: its commit data
 * ({@link SolrArchiveState}) and, read back from the documents themselves, every article's id,
 * path, size, time and hash, the fields each document carries for this purpose. The documents are
 * read once, on the first question about them, with cursorMark paging ({@value #PAGE} a request,
 * only those five fields), into an {@link IndexedFileTable}: one request per file would make an
 * unchanged run of 20,000 files take minutes.
 *
 * <p>Nothing about the archive's state is kept on the machine that runs {@code index}: another
 * machine reads the same documents and the same property, and goes on where this one stopped.
 */
final class SolrIndexedFiles implements IndexedFiles {

    /** Documents read per request. */
    static final int PAGE = 5_000;

    private static final String ID = ArticleFields.ID.name();
    private static final String PATH = ArticleFields.PATH.name();
    private static final String SIZE = ArticleFields.SIZE.name();
    private static final String MODIFIED = ArticleFields.MODIFIED.name();
    private static final String HASH = ArticleFields.HASH.name();

    private final SolrConnection solr;
    private final String collection;
    private final String where;
    private final Map<String, String> commitData;
    private final long documents;
    private volatile IndexedFileTable table;

    private SolrIndexedFiles(SolrConnection solr, String collection, String where, Map<String, String> commitData,
            long documents) {
        this.solr = solr;
        this.collection = collection;
        this.where = where;
        this.commitData = commitData;
        this.documents = documents;
    }

    /** The state of {@code collection} as its last commit left it; its documents are read when first needed. */
    static SolrIndexedFiles of(SolrConnection solr, String collection, String where) throws SolrUnavailableException {
        try {
            Map<String, String> data = SolrArchiveState.read(solr, collection);
            long count = solr.client().query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
            return new SolrIndexedFiles(solr, collection, where, data, count);
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot read what the collection holds", e);
        }
    }

    @Override
    public boolean isEmpty() {
        return commitData.isEmpty() && documents == 0;
    }

    @Override
    public Map<String, String> commitData() {
        return commitData;
    }

    @Override
    public Indexed findByPath(String path) throws IOException {
        return table().findByPath(path);
    }

    @Override
    public boolean contains(String id) throws IOException {
        return table().contains(id);
    }

    @Override
    public Source source(String id) throws IOException {
        return table().source(id);
    }

    @Override
    public List<String> idsWithPath(String path) throws IOException {
        return table().idsWithPath(path);
    }

    /**
     * From the table when it was read; else only the documents whose path has the prefix are
     * read (a rebuild asks only how many articles came from standard input).
     */
    @Override
    public Map<String, Long> pathsStartingWith(String prefix) throws IOException {
        IndexedFileTable read = table;
        if (read != null) {
            return read.pathsStartingWith(prefix);
        }
        Map<String, Long> paths = new TreeMap<>();
        readDocuments("{!prefix f=" + PATH + " v=$prefix}", prefix, List.of(PATH),
                doc -> paths.merge(String.valueOf(doc.getFirstValue(PATH)), 1L, Long::sum));
        return paths;
    }

    private IndexedFileTable table() throws IOException {
        IndexedFileTable read = table;
        if (read == null) {
            synchronized (this) {
                read = table;
                if (read == null) {
                    IndexedFileTable.Builder builder = IndexedFileTable.builder().commitData(commitData);
                    if (documents > 0) {
                        readDocuments("*:*", null, List.of(ID, PATH, SIZE, MODIFIED, HASH),
                                doc -> builder.add(String.valueOf(doc.getFirstValue(ID)),
                                        String.valueOf(doc.getFirstValue(PATH)), number(doc, SIZE),
                                        number(doc, MODIFIED), (String) doc.getFirstValue(HASH)));
                    }
                    read = builder.build();
                    table = read;
                }
            }
        }
        return read;
    }

    /** Reads every document matching {@code query}, {@value #PAGE} at a time in id order. */
    private void readDocuments(String query, String prefix, List<String> fields, DocumentVisitor visitor)
            throws SolrUnavailableException {
        SolrQuery request = new SolrQuery(query)
                .setFields(fields.toArray(String[]::new))
                .setRows(PAGE)
                .setSort(SolrQuery.SortClause.asc(ID));
        if (prefix != null) {
            request.set("prefix", prefix);
        }
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        try {
            while (true) {
                request.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
                QueryResponse response = solr.client().query(collection, request);
                for (SolrDocument doc : response.getResults()) {
                    visitor.visit(doc);
                }
                String next = response.getNextCursorMark();
                if (next == null || next.equals(cursor)) {
                    return;
                }
                cursor = next;
            }
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot read what the collection holds", e);
        }
    }

    @FunctionalInterface
    private interface DocumentVisitor {
        void visit(SolrDocument doc);
    }

    private static long number(SolrDocument doc, String field) {
        Object value = doc.getFirstValue(field);
        if (value instanceof Collection<?> values && !values.isEmpty()) {
            value = values.iterator().next();
        }
        return value instanceof Number n ? n.longValue() : -1;
    }
}
