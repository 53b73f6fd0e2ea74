package org.newsarchive.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleId;
import org.newsarchive.ingest.JsonLinesReader;

/**
 * The change-decision stage: what each file, record and article needs, judged against the index
 * as it was when the run began ({@link IndexedFiles}), the states of files of many records, and
 * what this run has reached so far. It writes nothing to the index: the readers act on its
 * answers through the {@link DocumentWriter}, so that every rule of what counts as new, changed,
 * unchanged, appended or removed is here, in one place.
 *
 * <p>Thread-safe: the walker and the workers ask at once.
 */
final class ChangeDecision {

    /** What an article is to the index. */
    enum Change {
        /** Not in the index when the run began: added. */
        NEW,
        /** In the index with other bytes, or from another file: replaced. */
        CHANGED,
        /** In the index from the same file with the same bytes: left alone. */
        UNCHANGED
    }

    /**
     * What pruning removes under one root: the files the index has articles from (with how many)
     * and the files that only have a state (files without articles), all gone from the walk.
     */
    record Removed(Map<String, Long> articlesByFile, List<String> statesOnly) {
    }

    private final IndexedFiles before;
    private final RecordFileStates states;
    /** Every id handled in this run: an article reached twice is handled once. */
    private final IdSet seen = new IdSet();
    /**
     * Every file reached in this run, by the id of its path (64 bits, not a string of a hundred
     * bytes), kept only when pruning needs it. Two paths with one id would only keep a gone
     * file's articles, never delete a present one's.
     */
    private final IdSet reachedFiles;

    /** @param pruning whether the run prunes, and so must remember the files it reached */
    ChangeDecision(IndexedFiles before, RecordFileStates states, boolean pruning) {
        this.before = before;
        this.states = states;
        this.reachedFiles = pruning ? new IdSet() : null;
    }

    /** Claims an id for this run: false when an earlier file or record of the run had it. */
    boolean claim(String id) {
        return seen.add(id);
    }

    /** Notes that the walk reached the file at {@code realPath}: pruning keeps its articles. */
    void reached(Path realPath) {
        if (reachedFiles != null) {
            reachedFiles.add(ArticleId.of(realPath));
        }
    }

    // Files of one article: their size, time and hash are on their document.

    /** The article the index has from the file at {@code file}, or null. */
    IndexedFiles.Indexed indexed(Path file) throws IOException {
        return before.findByPath(file.toString());
    }

    /** Whether a file of one article has the size and time the index recorded: unchanged, unread. */
    static boolean untouched(IndexedFiles.Indexed indexed, BasicFileAttributes attributes) {
        return indexed != null && indexed.size() == attributes.size()
                && indexed.modifiedMillis() == attributes.lastModifiedTime().toMillis();
    }

    /** Whether a file whose time changed still has the bytes its article was indexed from: touched, not changed. */
    boolean sameBytes(IndexedFiles.Indexed indexed, String sha256) throws IOException {
        return indexed != null && before.hasHash(indexed.id(), sha256);
    }

    /** An article of a seed file the run has read: replaces the file's article when it had one. */
    static Change ofSeedFile(IndexedFiles.Indexed indexed) {
        return indexed != null ? Change.CHANGED : Change.NEW;
    }

    /** An article whose id may have been indexed from elsewhere (a JSON record's id is its URL's). */
    Change ofId(String id) throws IOException {
        return before.contains(id) ? Change.CHANGED : Change.NEW;
    }

    /**
     * Whether the article of a JSON file of one object is another than the one the file gave
     * before (its URL changed): the old one goes.
     */
    static boolean replacesAnother(IndexedFiles.Indexed indexed, Article article) {
        return indexed != null && !indexed.id().equals(article.id());
    }

    // Files of many records: their state is in the commit data.

    /** The state of the file of many records at {@code file}, or null when it has none. */
    RecordFileState recorded(Path file) {
        return states.get(file.toString());
    }

    /** Whether a file of many records has the size and time of its state: unchanged, unread. */
    static boolean untouched(RecordFileState known, BasicFileAttributes attributes) {
        return known != null && known.size() == attributes.size()
                && known.modified() == attributes.lastModifiedTime().toMillis();
    }

    /**
     * Where to read on in a JSON lines file that only grew: its content {@code in} starts with
     * exactly the bytes its state describes. Null when it was not appended to (rewritten, or no
     * state): it is read whole. Reads {@code in} up to that point.
     */
    static JsonLinesReader.Resume appended(InputStream in, RecordFileState known) throws IOException {
        return known != null && known.appendable() ? JsonLinesReader.resume(in, known.position()) : null;
    }

    /**
     * A record of a file of many: unchanged when the index has it from the same file with the
     * same bytes (a file read whole again after a change elsewhere in it).
     */
    Change ofRecord(Article article) throws IOException {
        IndexedFiles.Source known = before.source(article.id());
        if (known != null && known.sha256().equals(article.sha256()) && known.path().equals(article.path().toString())) {
            return Change.UNCHANGED;
        }
        return known != null ? Change.CHANGED : Change.NEW;
    }

    // Removed articles.

    /**
     * The ids of the articles the index has from {@code file} that this run has not claimed:
     * records gone from a file that was read whole.
     */
    List<String> vanished(String file) throws IOException {
        List<String> gone = new ArrayList<>();
        for (String id : before.idsWithPath(file)) {
            if (!seen.contains(id)) {
                gone.add(id);
            }
        }
        return gone;
    }

    /**
     * The files under {@code root} (or {@code root} itself, a file) that the index or the states
     * know and the walk did not reach. Each is returned once per run, however many roots hold it.
     * Only for a pruning run.
     */
    Removed removedUnder(Path root) throws IOException {
        Path real = realOrAbsolute(root);
        boolean folder = Files.isDirectory(real);
        String prefix = real.toString();
        String separator = real.getFileSystem().getSeparator();
        if (folder && !prefix.endsWith(separator)) {
            prefix += separator;
        }
        Map<String, Long> articles = new TreeMap<>();
        for (Map.Entry<String, Long> path : before.pathsStartingWith(prefix).entrySet()) {
            if ((folder || path.getKey().equals(prefix)) && reachedFiles.add(pathId(path.getKey()))) {
                articles.put(path.getKey(), path.getValue());
            }
        }
        List<String> statesOnly = new ArrayList<>();
        for (String known : states.pathsStartingWith(prefix)) {
            if ((folder || known.equals(prefix)) && !reachedFiles.contains(pathId(known))) {
                statesOnly.add(known); // a file without articles (a tag list) that is gone
            }
        }
        return new Removed(articles, statesOnly);
    }

    private static String pathId(String path) {
        return ArticleId.of(Path.of(path));
    }

    /** A root as runs record it: its real path, or its absolute one when it cannot be resolved. */
    static Path realOrAbsolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
