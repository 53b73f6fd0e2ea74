package org.newsarchive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.Article;

/**
 * The writer stage: puts what the {@link ChangeDecision} decided into the run's
 * {@link ArticleStore} (documents added, replaced and deleted, new modification times), counts
 * it, and commits, with
 * the run's {@link CommitData}, every so often while the workers go on, then once at the end.
 * Called by the workers, and by the walker for the deletions of a JSON lines file.
 */
final class DocumentWriter {

    private final ArticleStore store;
    private final EntityExtractor entities;
    private final CommitData commitData;
    private final IndexCounters counters;
    private final boolean rebuild;
    private final long commitEvery;
    private final long commitIntervalNanos;
    private final AtomicLong changedSinceCommit = new AtomicLong();
    private final ReentrantLock committing = new ReentrantLock();
    private volatile long lastCommit = System.nanoTime();

    /** @param rebuild whether the run builds a new index, committed once at the end and never before */
    DocumentWriter(ArticleStore store, EntityExtractor entities, CommitData commitData, IndexSettings settings,
            boolean rebuild, IndexCounters counters) {
        this.store = store;
        this.entities = entities;
        this.commitData = commitData;
        this.counters = counters;
        this.rebuild = rebuild;
        this.commitEvery = settings.commitEvery();
        this.commitIntervalNanos = settings.commitInterval().toNanos();
    }

    /**
     * Adds ({@link ChangeDecision.Change#NEW}) or replaces ({@link ChangeDecision.Change#CHANGED})
     * an article's document, its entities extracted here, on the worker.
     */
    void write(Article article, long modified, ChangeDecision.Change change) throws IOException {
        if (change == ChangeDecision.Change.UNCHANGED) {
            throw new IllegalArgumentException("an unchanged article is not written: " + article.id());
        }
        boolean known = change == ChangeDecision.Change.CHANGED;
        store.write(article, entities.extract(article.headline(), article.body()), modified, known);
        if (known) {
            counters.countUpdated();
        } else {
            counters.countAdded();
        }
        changedSinceCommit.incrementAndGet();
    }

    /**
     * Records that a touched file of one article ({@code id}) holds what the index has: the next
     * run need not read it.
     */
    void touched(String id, Path file, long modified) throws IOException {
        store.touch(id, file.toString(), modified);
    }

    /**
     * Deletes the articles of these ids indexed from {@code file}. Only the document of that id
     * <em>and</em> that file goes, so an article that moved to another file is kept.
     */
    void deleteRecords(String file, List<String> ids) throws IOException {
        for (String id : ids) {
            store.deleteRecord(id, file);
            counters.countDeleted(1);
            changedSinceCommit.incrementAndGet();
        }
    }

    /** Deletes every article of a file that is gone: {@code articles} of them. */
    void deleteFile(String file, long articles) throws IOException {
        store.deleteFile(file);
        counters.countDeleted(articles);
    }

    /**
     * Commits when enough has changed or enough time has passed; never during a rebuild. Called
     * by workers; one commits while the others go on adding documents.
     */
    void maybeCommit() throws IOException {
        if (rebuild) {
            return;
        }
        long changed = changedSinceCommit.get();
        boolean due = changed >= commitEvery || (changed > 0 && System.nanoTime() - lastCommit >= commitIntervalNanos);
        if (due && committing.tryLock()) {
            try {
                commit();
            } finally {
                committing.unlock();
            }
        }
    }

    /**
     * The end of a run, once every worker has ended: commits what is left (or the commit data
     * alone when only that changed), then, for a run that built the index from nothing, merges
     * it into {@code maxSegments} and commits that.
     */
    void finish(boolean building, int maxSegments) throws IOException {
        if (store.hasUncommittedChanges() || commitData.changed()) {
            commit();
        }
        if (building) {
            store.mergeDown(maxSegments);
            if (store.hasUncommittedChanges()) {
                commit();
            }
        }
    }

    /** Articles in the store. */
    long articles() throws IOException {
        return store.articles();
    }

    /** Commits; called by one worker at a time (see {@link #maybeCommit}) or after all workers ended. */
    private void commit() throws IOException {
        changedSinceCommit.set(0);
        store.commit(commitData.now());
        lastCommit = System.nanoTime();
    }
}
