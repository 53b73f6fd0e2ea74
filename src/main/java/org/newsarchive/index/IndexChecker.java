package org.newsarchive.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsarchive.ingest.ArchiveVisitor;
import org.newsarchive.ingest.ArchiveWalker;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.Sha256;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.ingest.SourceFormat;
import org.newsarchive.query.FirstLine;
import org.newsarchive.schema.ArticleSchema;

/**
 * Checks an index: Lucene's CheckIndex for the files themselves, then a comparison with the
 * article files under the paths the index was built from (new, changed, missing). Changed means
 * different bytes: a file only touched is up to date.
 */
public final class IndexChecker {

    /** Tells new article files from files that could not be indexed anyway. */
    private static final ArticleParser PARSER = new ArticleParser();

    private IndexChecker() {
    }

    /**
     * Checks the index at {@code location}.
     *
     * @throws IndexLockedException   when another process is writing to it (CheckIndex needs the lock)
     * @throws IndexLocationException when there is no index there
     */
    public static CheckReport check(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            throw new IndexLocationException("no index at " + location);
        }
        try (Directory directory = FSDirectory.open(location)) {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IndexLocationException("no index at " + location);
            }
            String problem = luceneProblem(directory);
            if (problem != null) {
                return new CheckReport(false, problem, 0, List.of(), List.of(), List.of(), List.of());
            }
            return compareWithFiles(directory);
        }
    }

    private static String luceneProblem(Directory directory) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (CheckIndex checker = new CheckIndex(directory)) {
            checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
            CheckIndex.Status status = checker.checkIndex();
            if (status.clean) {
                return null;
            }
            if (status.missingSegments) {
                return "no segments file could be read";
            }
            return status.numBadSegments + " of " + status.numSegments + " segments are broken ("
                    + status.totLoseDocCount + " articles unreadable)";
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException("the index is being written by another process; check it when that is done", e);
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + FirstLine.of(e.getMessage());
        }
    }

    private static CheckReport compareWithFiles(Directory directory) throws IOException {
        List<String> newFiles = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Set<String> onDisk = new HashSet<>();
        long articles;
        try (IndexedFiles indexed = IndexedFiles.of(directory)) {
            String roots = indexed.commitData().getOrDefault(ArticleSchema.COMMIT_ROOTS, "");
            Map<String, RecordFileState> states = indexed.recordFileStates();
            ArchiveWalker walker = new ArchiveWalker();
            List<IOException> failures = new ArrayList<>();
            ArchiveVisitor visitor = realPath -> {
                try {
                    onDisk.add(realPath.toString());
                    compare(indexed, states.get(realPath.toString()), realPath, newFiles, changed, rejected);
                } catch (IOException e) {
                    failures.add(e);
                }
            };
            for (String root : roots.split("\n")) {
                if (!root.isBlank() && Files.exists(Path.of(root))) {
                    walker.walk(Path.of(root), visitor);
                }
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            for (String path : indexed.pathsStartingWith("").keySet()) {
                if (!onDisk.contains(path) && !path.equals(Article.STANDARD_INPUT.toString())) {
                    missing.add(path);
                }
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            articles = reader.numDocs();
        }
        newFiles.sort(null);
        changed.sort(null);
        missing.sort(null);
        rejected.sort(null);
        return new CheckReport(true, null, articles, newFiles, changed, missing, rejected);
    }

    private static void compare(IndexedFiles indexed, RecordFileState state, Path file, List<String> newFiles,
            List<String> changed, List<String> rejected) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (state != null) {
            if (!ChangeDecision.untouched(state, attributes) && !sameContent(file, state)) {
                changed.add(file.toString());
            }
            return;
        }
        IndexedFiles.Indexed known = indexed.findByPath(file.toString());
        if (known == null) {
            boolean indexable = SourceFormat.of(file) != SourceFormat.ARTICLE_TEXT
                    || PARSER.parse(file) instanceof ParseOutcome.Parsed;
            (indexable ? newFiles : rejected).add(file.toString());
            return;
        }
        if (ChangeDecision.untouched(known, attributes)) {
            return;
        }
        if (!indexed.hasHash(known.id(), Sha256.hex(Files.readAllBytes(file)))) {
            changed.add(file.toString());
        }
    }

    /** Whether a file of many records holds exactly the content its state describes. */
    private static boolean sameContent(Path file, RecordFileState state) throws IOException {
        try (InputStream in = SourceFormat.open(file)) {
            return state.describes(in);
        }
    }
}
