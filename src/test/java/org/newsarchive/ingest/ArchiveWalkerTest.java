package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWalkerTest {

    /** Records every callback, in order. */
    static final class Recorder implements ArchiveVisitor {
        final List<Path> files = new ArrayList<>();
        final List<ParseOutcome.Rejected> rejected = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        private final Path base;

        Recorder(Path base) {
            this.base = base;
        }

        @Override
        public void file(Path realPath) {
            files.add(realPath);
        }

        @Override
        public void rejected(ParseOutcome.Rejected r) {
            rejected.add(r);
        }

        @Override
        public void skipped(Path path, String why) {
            skipped.add(base.relativize(path) + ": " + why);
        }

        /** The files as paths relative to {@code realBase}, sorted; fails on duplicates. */
        Set<String> relativeFiles(Path realBase) {
            Set<String> relative = new TreeSet<>();
            for (Path file : files) {
                assertTrue(file.isAbsolute(), file::toString);
                assertTrue(relative.add(realBase.relativize(file).toString()), () -> "reported twice: " + file);
            }
            return relative;
        }
    }

    @TempDir
    Path tmp;

    /** The real path of the temporary folder: on some systems /tmp is itself a link. */
    Path real;

    @BeforeEach
    void resolveTmp() throws IOException {
        real = tmp.toRealPath();
    }

    static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "date 2023-12-22 Text.");
    }

    @Test
    void fixtureTree() throws IOException {
        Path archive = Files.createDirectory(tmp.resolve("archive"));
        write(archive.resolve("a.txt"));
        write(archive.resolve("B.TXT"));
        write(archive.resolve("mixed.Txt"));
        write(archive.resolve("notes.md"));
        write(archive.resolve("readme"));
        write(archive.resolve("txt"));
        write(archive.resolve("a.txt.bak"));
        write(archive.resolve(".hidden.txt"));
        write(archive.resolve(".git/x.txt"));
        write(archive.resolve(".git/sub/y.txt"));
        write(archive.resolve("2023/12/c.txt"));
        write(archive.resolve("2023/.cache/c.txt"));
        write(archive.resolve("x.txt/inside.txt")); // a folder named like an article
        write(archive.resolve("with space.txt"));
        write(archive.resolve("ünïcödé 日本.txt"));
        write(archive.resolve("-dash.txt"));
        write(archive.resolve("sub dir/é.txt"));
        write(archive.resolve("a..txt"));
        Path deep = archive.resolve("deep");
        for (int i = 0; i < 100; i++) {
            deep = deep.resolve("d");
        }
        write(deep.resolve("deep.txt"));
        write(tmp.resolve("outside/o.txt"));
        write(tmp.resolve("outside/not-an-article.md"));

        Files.createSymbolicLink(archive.resolve("loop"), archive);                  // loop to the root
        Files.createSymbolicLink(archive.resolve("twice.txt"), archive.resolve("a.txt")); // same file again
        Files.createSymbolicLink(archive.resolve("alias"), archive.resolve("2023"));  // same folder again
        Files.createSymbolicLink(archive.resolve("elsewhere"), tmp.resolve("outside"));
        Files.createSymbolicLink(tmp.resolve("outside/back"), archive);              // loop through two links
        Files.createSymbolicLink(archive.resolve("broken.txt"), tmp.resolve("missing.txt"));
        Files.createSymbolicLink(archive.resolve("broken-folder"), tmp.resolve("missing"));
        Files.createSymbolicLink(archive.resolve(".hidden-link.txt"), tmp.resolve("missing.txt"));

        Recorder recorder = new Recorder(archive);
        new ArchiveWalker().walk(archive, recorder);

        String deepPath = "archive/deep/" + "d/".repeat(100) + "deep.txt";
        assertEquals(new TreeSet<>(List.of(
                "archive/a.txt",
                "archive/B.TXT",
                "archive/mixed.Txt",
                "archive/a..txt",
                "archive/2023/12/c.txt",
                "archive/x.txt/inside.txt",
                "archive/with space.txt",
                "archive/ünïcödé 日本.txt",
                "archive/-dash.txt",
                "archive/sub dir/é.txt",
                deepPath,
                "outside/o.txt")), recorder.relativeFiles(real));
        assertEquals(new TreeSet<>(List.of(
                "loop: symlink loop",
                "elsewhere/back: symlink loop",
                "broken.txt: broken symlink")), new TreeSet<>(recorder.skipped));
        assertEquals(3, recorder.skipped.size());
        assertEquals(List.of(), recorder.rejected);
        for (Path file : recorder.files) {
            assertEquals(file.toRealPath(), file);
        }
    }

    @Test
    void deepNestingOf100LevelsIsWalked() throws IOException {
        Path deep = tmp.resolve("root");
        StringBuilder expected = new StringBuilder("root/");
        for (int i = 0; i < 100; i++) {
            deep = deep.resolve("level" + i);
            expected.append("level").append(i).append('/');
            write(deep.resolve("f" + i + ".txt"));
        }
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(tmp.resolve("root"), recorder);
        assertEquals(100, recorder.files.size());
        assertTrue(recorder.relativeFiles(real).contains(expected + "f99.txt"));
        assertEquals(List.of(), recorder.skipped);
        assertEquals(List.of(), recorder.rejected);
    }

    @Test
    void regularFileRootIsTakenWhateverItsName() throws IOException {
        Path notes = write(tmp.resolve("notes.md"));
        Path hidden = write(tmp.resolve(".hidden"));
        ArchiveWalker walker = new ArchiveWalker();
        Recorder recorder = new Recorder(tmp);
        walker.walk(notes, recorder);
        walker.walk(hidden, recorder);
        assertEquals(List.of(real.resolve("notes.md"), real.resolve(".hidden")), recorder.files);
    }

    @Test
    void fileRootGivenThroughASymlinkIsReportedByItsRealPath() throws IOException {
        write(tmp.resolve("data/a.txt"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), tmp.resolve("data/a.txt"));
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(link, recorder);
        assertEquals(List.of(real.resolve("data/a.txt")), recorder.files);
    }

    @Test
    void hiddenRootFolderIsWalkedButHiddenEntriesBelowItAreNot() throws IOException {
        Path root = tmp.resolve(".archive");
        write(root.resolve("a.txt"));
        write(root.resolve(".b.txt"));
        write(root.resolve(".sub/c.txt"));
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(root, recorder);
        assertEquals(Set.of(".archive/a.txt"), recorder.relativeFiles(real));
    }

    @Test
    void rootGivenThroughASymlinkIsWalked() throws IOException {
        write(tmp.resolve("data/2023/a.txt"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("data"));
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(link, recorder);
        assertEquals(Set.of("data/2023/a.txt"), recorder.relativeFiles(real));
    }

    @Test
    void relativeRootGivesAbsoluteRealPaths() throws IOException {
        write(tmp.resolve("rel/a.txt"));
        Path relative = Path.of("").toAbsolutePath().relativize(tmp.resolve("rel"));
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(relative, recorder);
        assertEquals(List.of(real.resolve("rel/a.txt")), recorder.files);
    }

    @Test
    void eachRealPathIsReportedOncePerWalker() throws IOException {
        write(tmp.resolve("archive/2023/a.txt"));
        write(tmp.resolve("archive/b.txt"));
        ArchiveWalker walker = new ArchiveWalker();
        Recorder first = new Recorder(tmp);
        walker.walk(tmp.resolve("archive"), first);
        assertEquals(Set.of("archive/2023/a.txt", "archive/b.txt"), first.relativeFiles(real));

        Recorder again = new Recorder(tmp);
        walker.walk(tmp.resolve("archive"), again);          // same root again
        walker.walk(tmp.resolve("archive/2023"), again);     // overlapping root
        walker.walk(tmp.resolve("archive/b.txt"), again);    // a file root already seen
        assertEquals(List.of(), again.files);
        assertEquals(List.of(), again.skipped);

        Recorder fresh = new Recorder(tmp);
        new ArchiveWalker().walk(tmp.resolve("archive/2023"), fresh);
        assertEquals(List.of(real.resolve("archive/2023/a.txt")), fresh.files);
    }

    @Test
    void missingRootIsRejected() {
        Path missing = tmp.resolve("missing");
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(missing, recorder);
        assertEquals(List.of(new ParseOutcome.Rejected(missing, RejectReason.UNREADABLE,
                "unreadable: no such file or directory")), recorder.rejected);
        assertEquals(List.of(), recorder.files);
    }

    @Test
    void emptyFolderGivesNothing() throws IOException {
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(Files.createDirectory(tmp.resolve("empty")), recorder);
        assertEquals(List.of(), recorder.files);
        assertEquals(List.of(), recorder.skipped);
        assertEquals(List.of(), recorder.rejected);
    }

    @Test
    void unreadableFileIsStillHandedToTheParser() throws IOException {
        Path secret = write(tmp.resolve("archive/secret.txt"));
        setPermissions(secret, "---------");
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(tmp.resolve("archive"), recorder);
        assertEquals(List.of(real.resolve("archive/secret.txt")), recorder.files);
        assertEquals(List.of(), recorder.rejected);
    }

    @Test
    void unreadableFolderIsRejectedAndTheWalkGoesOn() throws IOException {
        write(tmp.resolve("archive/ok/a.txt"));
        Path locked = Files.createDirectories(tmp.resolve("archive/locked"));
        write(locked.resolve("b.txt"));
        setPermissions(locked, "---------");
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");
            Recorder recorder = new Recorder(tmp);
            new ArchiveWalker().walk(tmp.resolve("archive"), recorder);
            assertEquals(List.of(real.resolve("archive/ok/a.txt")), recorder.files);
            assertEquals(List.of(new ParseOutcome.Rejected(tmp.resolve("archive/locked"), RejectReason.UNREADABLE,
                    "unreadable: permission denied")), recorder.rejected);
        } finally {
            setPermissions(locked, "rwx------"); // so that @TempDir can clean up
        }
    }

    @Test
    void failuresReportedByTheFileSystemWalkBecomeRejections() throws IOException {
        // Permission errors cannot be produced when the tests run as root: feed them directly.
        Path root = Files.createDirectory(tmp.resolve("archive"));
        Recorder recorder = new Recorder(root);
        ArchiveWalker.Visitor visitor = new ArchiveWalker().visitorFor(root, recorder);
        Path locked = root.resolve("locked");
        assertEquals(FileVisitResult.CONTINUE, visitor.visitFileFailed(locked, new AccessDeniedException(locked.toString())));
        assertEquals(FileVisitResult.CONTINUE,
                visitor.visitFileFailed(root.resolve(".locked"), new AccessDeniedException("x")));
        assertEquals(FileVisitResult.CONTINUE,
                visitor.visitFileFailed(root.resolve("loop"), new FileSystemLoopException("x")));
        assertEquals(FileVisitResult.CONTINUE,
                visitor.postVisitDirectory(root.resolve("broken"), new IOException("Input/output error")));
        assertEquals(FileVisitResult.CONTINUE, visitor.visitFileFailed(root, new AccessDeniedException("x")));
        assertEquals(List.of(
                new ParseOutcome.Rejected(locked, RejectReason.UNREADABLE, "unreadable: permission denied"),
                new ParseOutcome.Rejected(root.resolve("broken"), RejectReason.UNREADABLE,
                        "unreadable: input/output error"),
                new ParseOutcome.Rejected(root, RejectReason.UNREADABLE, "unreadable: permission denied")),
                recorder.rejected);
        assertEquals(List.of("loop: symlink loop"), recorder.skipped);
    }

    @Test
    void namedPipeIsSkippedNotRead() throws IOException, InterruptedException {
        Path archive = Files.createDirectory(tmp.resolve("archive"));
        Path pipe = archive.resolve("pipe.txt");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
        Recorder recorder = new Recorder(archive);
        ArchiveWalker walker = new ArchiveWalker();
        walker.walk(archive, recorder);
        walker.walk(pipe, recorder);
        assertEquals(List.of(), recorder.files);
        assertEquals(List.of("pipe.txt: not a regular file", "pipe.txt: not a regular file"), recorder.skipped);
    }

    @Test
    void directoryNamedLikeAnArticleIsWalkedNotReported() throws IOException {
        Files.createDirectories(tmp.resolve("archive/x.txt/y.txt"));
        write(tmp.resolve("archive/x.txt/y.txt/z.txt"));
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(tmp.resolve("archive"), recorder);
        assertEquals(Set.of("archive/x.txt/y.txt/z.txt"), recorder.relativeFiles(real));
    }

    @Test
    void symlinkedFilesToTheSameTargetAreReportedOnceByTheTargetPath() throws IOException {
        Path target = write(tmp.resolve("store/article.txt"));
        Files.createDirectories(tmp.resolve("archive"));
        Files.createSymbolicLink(tmp.resolve("archive/one.txt"), target);
        Files.createSymbolicLink(tmp.resolve("archive/two.txt"), target);
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(tmp.resolve("archive"), recorder);
        assertEquals(List.of(real.resolve("store/article.txt")), recorder.files);
    }

    @Test
    void fileReachedFirstThroughALinkRootIsNotReportedAgainByItsFolder() throws IOException {
        write(tmp.resolve("archive/a.txt"));
        write(tmp.resolve("archive/b.txt"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), tmp.resolve("archive/a.txt"));
        ArchiveWalker walker = new ArchiveWalker();
        Recorder recorder = new Recorder(tmp);
        walker.walk(link, recorder);
        walker.walk(tmp.resolve("archive"), recorder);
        walker.walk(link, recorder);
        assertEquals(List.of(real.resolve("archive/a.txt"), real.resolve("archive/b.txt")), recorder.files);
    }

    @Test
    void linksToFilesTheWalkDoesNotTakeReportTheirTargetOnce() throws IOException {
        Path archive = Files.createDirectory(tmp.resolve("archive"));
        write(archive.resolve(".draft.txt"));
        write(archive.resolve("story.md"));
        Files.createSymbolicLink(archive.resolve("draft-link.txt"), archive.resolve(".draft.txt"));
        Files.createSymbolicLink(archive.resolve("story-link.txt"), archive.resolve("story.md"));
        Files.createSymbolicLink(archive.resolve("story-link-2.txt"), archive.resolve("story.md"));
        Files.createSymbolicLink(archive.resolve("story-link.md"), archive.resolve("story.md")); // not a .txt name
        ArchiveWalker walker = new ArchiveWalker();
        Recorder recorder = new Recorder(tmp);
        walker.walk(archive, recorder);
        walker.walk(archive.resolve("story.md"), recorder); // a root naming it: already reported
        assertEquals(Set.of("archive/.draft.txt", "archive/story.md"), recorder.relativeFiles(real));
        assertEquals(List.of(), recorder.skipped);
    }

    @Test
    void fileRootWithAnyNameInAWalkedFolderIsStillReported() throws IOException {
        write(tmp.resolve("archive/a.txt"));
        write(tmp.resolve("archive/notes.md"));
        ArchiveWalker walker = new ArchiveWalker();
        Recorder recorder = new Recorder(tmp);
        walker.walk(tmp.resolve("archive"), recorder);
        walker.walk(tmp.resolve("archive/notes.md"), recorder);
        walker.walk(tmp.resolve("archive/a.txt"), recorder);
        assertEquals(List.of(real.resolve("archive/a.txt"), real.resolve("archive/notes.md")), recorder.files);
    }

    @Test
    void linkIntoAHiddenFolderReportsTheTarget() throws IOException {
        write(tmp.resolve("archive/.git/kept.txt"));
        Files.createSymbolicLink(tmp.resolve("archive/kept.txt"), tmp.resolve("archive/.git/kept.txt"));
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(tmp.resolve("archive"), recorder);
        assertEquals(List.of(real.resolve("archive/.git/kept.txt")), recorder.files);
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        ArchiveWalker walker = new ArchiveWalker();
        Recorder recorder = new Recorder(tmp);
        assertThrows(NullPointerException.class, () -> walker.walk(null, recorder));
        assertThrows(NullPointerException.class, () -> walker.walk(tmp, null));
    }

    @Test
    void reportedFilesParse() throws IOException {
        write(tmp.resolve("archive/2023/a.txt"));
        Files.writeString(tmp.resolve("archive/bad.txt"), "no date here");
        Recorder recorder = new Recorder(tmp);
        new ArchiveWalker().walk(tmp.resolve("archive"), recorder);
        ArticleParser parser = new ArticleParser();
        Set<RejectReason> reasons = new HashSet<>();
        int parsed = 0;
        for (Path file : recorder.files) {
            ParseOutcome outcome = parser.parse(file);
            if (outcome instanceof ParseOutcome.Rejected r) {
                reasons.add(r.reason());
            } else {
                parsed++;
            }
        }
        assertEquals(1, parsed);
        assertEquals(Set.of(RejectReason.NO_DATE_LINE), reasons);
    }

    static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions on this file system");
        }
    }
}
