package org.newsarchive.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the archive files under one or more roots: those whose names {@link SourceFormat} knows
 * ({@code .txt}, {@code .json}, {@code .jsonl}, {@code .ndjson}, each also {@code .gz}).
 *
 * <p>Archives are assembled by hand, so the walk is forgiving: symlinks are followed (people link
 * in other collections), loops among them are reported and cut, an unreadable folder is reported
 * and the walk goes on, and a file reached through two links is reported once, because two
 * reports would make two documents of one article. Hidden entries (names starting with a dot:
 * {@code .git}, editor backups, {@code .DS_Store}) are never articles and are skipped silently.
 *
 * <p>The recursion is the JDK's {@link Files#walkFileTree}, which keeps its own explicit stack, so
 * nesting depth is bounded by the file system, not by the Java call stack.
 *
 * <p><b>Reporting each file once without remembering every file.</b> An archive may hold a million
 * files; a set of a million paths costs hundreds of megabytes. So the walker remembers the real
 * paths of the <em>folders</em> it entered (each folder is walked at most once, however many links
 * lead to it) and only those <em>files</em> it reached another way, through a file symlink or as
 * a root. A plain file in a folder walked once is necessarily listed once. A file reached through
 * a link is skipped when its own folder is walked and its own name qualifies, because the walk of
 * that folder reports it (before or after); otherwise it is remembered, and the walk of its folder,
 * should that come later, skips it.
 *
 * <p>An instance keeps this memory across calls to {@link #walk}, so that overlapping roots
 * ({@code archive} and {@code archive/1987}) do not report a file twice. It is therefore not
 * thread-safe; use one instance per indexing run.
 */
public final class ArchiveWalker {

    /** Real paths of the folders entered so far. */
    private final Set<Path> walkedFolders = new HashSet<>();

    /** Real paths of files reported through a symlink or as a root rather than by a folder listing. */
    private final Set<Path> linkedFiles = new HashSet<>();

    /**
     * Walks {@code root}, reporting every article candidate to {@code visitor}. A root that is a
     * regular file is reported whatever its name, since the user named it; a root that is a
     * folder is walked recursively. Problems below the root are reported to the visitor, never
     * thrown. A root that does not exist is reported as rejected, though callers are expected to
     * have checked it.
     */
    public void walk(Path root, ArchiveVisitor visitor) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(visitor, "visitor");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(root, BasicFileAttributes.class);
        } catch (IOException e) {
            rejectUnreadable(visitor, root, e);
            return;
        }
        if (attributes.isRegularFile()) {
            // Named by the user: taken whatever its name, even hidden; the parser decides.
            reportResolved(root, visitor);
            return;
        }
        if (!attributes.isDirectory()) {
            visitor.skipped(root, "not a regular file"); // a pipe or device would block the reader
            return;
        }
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Visitor(root, visitor));
        } catch (IOException e) {
            // The visitor below never throws; kept for the contract of walkFileTree.
            rejectUnreadable(visitor, root, e);
        }
    }

    /**
     * Reports a file reached through a symlink or named as a root: by its real path, unless the
     * listing of its real folder reports it (see the class comment) or it was reported already.
     */
    private void reportResolved(Path file, ArchiveVisitor visitor) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            rejectUnreadable(visitor, file, e); // vanished, or unreadable on the way
            return;
        }
        Path folder = real.getParent();
        if (folder != null && walkedFolders.contains(folder) && isArticleName(real)) {
            return;
        }
        if (linkedFiles.add(real)) {
            visitor.file(real);
        }
    }

    private static boolean isArticleName(Path path) {
        return !isHidden(path) && hasArticleSuffix(path);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean hasArticleSuffix(Path path) {
        Path name = path.getFileName();
        return name != null && SourceFormat.ofName(name.toString()) != null;
    }

    private static void rejectUnreadable(ArchiveVisitor visitor, Path path, IOException e) {
        visitor.rejected(new ParseOutcome.Rejected(path, RejectReason.UNREADABLE, IoProblem.unreadable(e)));
    }

    /** Visible for tests: the visitor that {@link #walk} uses for a folder root. */
    Visitor visitorFor(Path root, ArchiveVisitor target) {
        return new Visitor(root, target);
    }

    /**
     * Applies the walk's rules to each entry. Package-private so that tests can feed it failures
     * (such as permission errors) that cannot be produced on a file system when running as root.
     */
    final class Visitor implements FileVisitor<Path> {

        private final Path root;
        private final ArchiveVisitor target;

        /**
         * Real paths of the folders being walked, innermost first. A file that is not a symlink
         * has the real path {@code realFolder.resolve(name)}; knowing it saves a {@code realpath}
         * system call per file, which would look up every component of the path again.
         */
        private final Deque<Path> realFolders = new ArrayDeque<>();

        Visitor(Path root, ArchiveVisitor target) {
            this.root = root;
            this.target = target;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && isHidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                rejectUnreadable(target, dir, e);
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!walkedFolders.add(real)) {
                return FileVisitResult.SKIP_SUBTREE; // already walked, through another link or root
            }
            realFolders.push(real);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!isArticleName(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                // With FOLLOW_LINKS a link's own attributes are only seen when its target is missing.
                target.skipped(file, "broken symlink");
            } else if (!attrs.isRegularFile()) {
                target.skipped(file, "not a regular file");
            } else if (Files.isSymbolicLink(file) || realFolders.isEmpty()) {
                reportResolved(file, target);
            } else {
                Path real = realFolders.peek().resolve(file.getFileName().toString());
                if (!linkedFiles.contains(real)) {
                    target.file(real);
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            if (!file.equals(root) && isHidden(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (exc instanceof FileSystemLoopException) {
                target.skipped(file, "symlink loop");
            } else {
                rejectUnreadable(target, file, exc);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            realFolders.poll();
            if (exc != null) {
                rejectUnreadable(target, dir, exc); // the listing broke off part way
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
