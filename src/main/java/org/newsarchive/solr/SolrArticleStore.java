package org.newsarchive.solr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.index.ArticleStore;
import org.newsarchive.index.IndexedFiles;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.SolrDocuments;

/**
 * A SolrCloud collection as the store of an indexing run: the same walk, parsing, entities, ids
 * and change rules as the local index (they are the run's, not the store's), written with SolrJ's
 * cloud client, which sends each document to its shard's leader.
 *
 * <p><b>Batches.</b> Documents ({@link SolrDocuments#fieldsOf}) and deletions by id are buffered
 * and sent {@value #BATCH} to a request by the worker that fills the buffer. A request that fails
 * for a reason that may pass (a node went away, a shard is electing a leader) is sent again, up to
 * {@value #ATTEMPTS} times over about 16 s: every request is idempotent (documents
 * replace by id, deletions delete by id or by path). Then the run fails, in one line.
 *
 * <p><b>Commits.</b> The configset hard-commits every 60 s without opening a searcher
 * (solrconfig.xml): durability, invisible to searches. Visibility is the run's: at the points where
 * a local run commits (every {@code --commit-every} changed articles, at least every 60 s while
 * articles come, and at the end), {@link #commit} sends what is buffered, waits for requests in
 * flight, asks for a hard commit that opens a new searcher, and only then records the run's commit
 * data on the collection ({@link SolrArchiveState}). A rebuild commits once, at the end, into a
 * collection no search uses yet.
 *
 * <p><b>What was there before</b> ({@link #snapshot}) is read back from the collection itself (see
 * {@link SolrIndexedFiles}), after a commit that makes visible whatever an interrupted run had
 * sent: those articles are then recognised, not sent again.
 *
 * <p>A file whose time changed but whose bytes did not gets its new time by an in-place update of
 * the {@code modified} field (a doc-values-only field, as Solr requires for updating in place
 * without re-sending the document). Deleting a record deletes its id: the run hands over only ids
 * it has not written and the collection had from that file, so the id and the file are one
 * document. Deleting a file's articles is a delete by query on its path, sent after every document
 * of the run, so that an article that moved to another file in this run is kept.
 */
public final class SolrArticleStore implements ArticleStore {

    /** Documents (or deletions) per update request. */
    static final int BATCH = 500;

    /** Tries of one request before the run fails: over about 16 s (see {@link #pause}). */
    static final int ATTEMPTS = 7;

    private final SolrConnection solr;
    /** The real collection written to. */
    private final String collection;
    /** The real collection whose state the run starts from: the same one, or, for a rebuild, the one replaced. */
    private final String snapshotCollection;
    private final String where;

    private final Object buffer = new Object();
    private List<SolrInputDocument> documents = new ArrayList<>();
    private List<String> deletedIds = new ArrayList<>();
    private final List<String> deletedPaths = new ArrayList<>();
    /** Sending holds it shared; a commit holds it alone, so that it waits for every request in flight. */
    private final ReadWriteLock sending = new ReentrantReadWriteLock();
    private final AtomicBoolean uncommitted = new AtomicBoolean();

    private SolrArticleStore(SolrConnection solr, String collection, String snapshotCollection, String where) {
        this.solr = solr;
        this.collection = collection;
        this.snapshotCollection = snapshotCollection;
        this.where = where;
    }

    /**
     * The archive the connection names, to be updated in place: writes go to the real collection
     * behind its alias (resolved once, now).
     *
     * @throws SolrUnavailableException when the cluster cannot be reached, or has no such
     *                                  collection or alias
     */
    public static SolrArticleStore open(SolrConnection solr) throws SolrUnavailableException {
        String real;
        try {
            real = new SolrCollections(solr).resolve(solr.collection());
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(solr.target().describe(), "cannot open the archive", e);
        }
        if (real == null) {
            throw SolrArchiveState.missing(solr);
        }
        return new SolrArticleStore(solr, real, real, solr.target().describe());
    }

    /**
     * A new collection {@code building} to be filled from scratch, replacing the collection
     * {@code replaced} (whose commit data says how it was built) once the run is over.
     */
    static SolrArticleStore rebuild(SolrConnection solr, String building, String replaced) {
        return new SolrArticleStore(solr, building, replaced, solr.target().withCollection(building).describe());
    }

    /** The real collection written to. */
    public String collection() {
        return collection;
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public String reindexCommand() {
        return "newsarchive reindex --solr " + solr.target().cluster() + " --collection " + solr.collection();
    }

    @Override
    public IndexedFiles snapshot() throws IOException {
        if (snapshotCollection.equals(collection)) {
            try {
                hardCommit(collection); // what an interrupted run sent becomes visible, and is recognised
            } catch (IOException | SolrServerException | RuntimeException e) {
                throw SolrFailures.unavailable(where, "cannot open the archive", e);
            }
        }
        return SolrIndexedFiles.of(solr, snapshotCollection, where);
    }

    @Override
    public void write(Article article, ArticleEntities entities, long modifiedMillis, boolean replacing)
            throws IOException {
        SolrInputDocument doc = new SolrInputDocument();
        for (Map.Entry<String, Object> field : SolrDocuments.fieldsOf(article, entities, modifiedMillis).entrySet()) {
            doc.setField(field.getKey(), field.getValue());
        }
        add(doc);
    }

    @Override
    public void touch(String id, String path, long modifiedMillis) throws IOException {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(ArticleFields.ID.name(), id);
        doc.setField(ArticleFields.MODIFIED.name(), Map.of("set", modifiedMillis));
        add(doc);
    }

    @Override
    public void deleteRecord(String id, String path) throws IOException {
        sending.readLock().lock();
        try {
            List<String> full = null;
            synchronized (buffer) {
                deletedIds.add(id);
                uncommitted.set(true);
                if (deletedIds.size() >= BATCH) {
                    full = deletedIds;
                    deletedIds = new ArrayList<>();
                }
            }
            if (full != null) {
                send(List.of(), full);
            }
        } finally {
            sending.readLock().unlock();
        }
    }

    @Override
    public void deleteFile(String path) {
        synchronized (buffer) {
            deletedPaths.add(path);
            uncommitted.set(true);
        }
    }

    /**
     * Buffers a document, and sends the buffer when it is full. The lock is taken before the
     * buffer, so that a commit, which takes it alone, never starts between a batch leaving the
     * buffer and its request: everything written before a commit is in it.
     */
    private void add(SolrInputDocument doc) throws IOException {
        sending.readLock().lock();
        try {
            List<SolrInputDocument> full = null;
            synchronized (buffer) {
                documents.add(doc);
                uncommitted.set(true);
                if (documents.size() >= BATCH) {
                    full = documents;
                    documents = new ArrayList<>();
                }
            }
            if (full != null) {
                send(full, List.of());
            }
        } finally {
            sending.readLock().unlock();
        }
    }

    /** Sends a batch (called with the sending lock held, shared). */
    private void send(List<SolrInputDocument> docs, List<String> ids) throws IOException {
        UpdateRequest request = new UpdateRequest();
        if (!docs.isEmpty()) {
            request.add(docs);
        }
        if (!ids.isEmpty()) {
            request.deleteById(ids);
        }
        process(request, "cannot write");
    }

    /** Sends a request, again when it failed for a reason that may pass. */
    private void process(UpdateRequest request, String doing) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                request.process(solr.client(), collection);
                return;
            } catch (IOException | SolrServerException | RuntimeException e) {
                if (attempt >= ATTEMPTS || !SolrFailures.worthRetrying(e)) {
                    throw SolrFailures.unavailable(where, doing + " (after " + attempt + " tr" + (attempt == 1 ? "y" : "ies") + ")", e);
                }
                pause(attempt);
            }
        }
    }

    /**
     * Waits before another try: 0.25, 0.5, 1, 2, 4, 8 s. A node that stops is out of the cluster's
     * state within a second or two and its shards' other replicas lead; one that crashed is out
     * when its ZooKeeper session expires (15 s by default), about when the last try goes.
     */
    private static void pause(int attempt) throws InterruptedIOException {
        try {
            Thread.sleep(250L << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("indexing interrupted");
        }
    }

    @Override
    public boolean hasUncommittedChanges() {
        return uncommitted.get();
    }

    /**
     * Sends what is buffered (documents and deletions by id, then deletions by path), waits for
     * every request in flight, commits (hard, opening a searcher), then records {@code commitData}.
     */
    @Override
    public void commit(Map<String, String> commitData) throws IOException {
        sending.writeLock().lock();
        try {
            List<SolrInputDocument> docs;
            List<String> ids;
            List<String> paths;
            synchronized (buffer) {
                docs = documents;
                ids = deletedIds;
                paths = List.copyOf(deletedPaths);
                documents = new ArrayList<>();
                deletedIds = new ArrayList<>();
                deletedPaths.clear();
                uncommitted.set(false);
            }
            for (int from = 0; from < Math.max(docs.size(), ids.size()); from += BATCH) {
                UpdateRequest request = new UpdateRequest();
                if (from < docs.size()) {
                    request.add(docs.subList(from, Math.min(docs.size(), from + BATCH)));
                }
                if (from < ids.size()) {
                    request.deleteById(ids.subList(from, Math.min(ids.size(), from + BATCH)));
                }
                process(request, "cannot write");
            }
            for (int from = 0; from < paths.size(); from += BATCH) {
                UpdateRequest request = new UpdateRequest();
                for (String path : paths.subList(from, Math.min(paths.size(), from + BATCH))) {
                    request.deleteByQuery("{!term f=" + ArticleFields.PATH.name() + "}" + path);
                }
                process(request, "cannot delete the articles of removed files");
            }
            UpdateRequest commit = new UpdateRequest();
            commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
            process(commit, "cannot commit");
            try {
                SolrArchiveState.write(solr, collection, commitData);
            } catch (IOException | SolrServerException | RuntimeException e) {
                throw SolrFailures.unavailable(where, "committed the articles, but cannot record the run's state", e);
            }
        } finally {
            sending.writeLock().unlock();
        }
    }

    private void hardCommit(String name) throws IOException, SolrServerException {
        UpdateRequest commit = new UpdateRequest();
        commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        commit.process(solr.client(), name);
    }

    /** Articles in the collection as of its last commit. */
    @Override
    public long articles() throws IOException {
        try {
            return solr.client().query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot count the articles", e);
        }
    }

    /**
     * Drops what is buffered. What was sent cannot be taken back: it becomes visible at the next
     * commit, and the next run, which recognises it by id and hash, does not send it again.
     */
    @Override
    public Throwable rollback() {
        synchronized (buffer) {
            documents = new ArrayList<>();
            deletedIds = new ArrayList<>();
            deletedPaths.clear();
            uncommitted.set(false);
        }
        return null;
    }

    /** Nothing to release: the connection is its opener's. */
    @Override
    public void close() {
    }
}
