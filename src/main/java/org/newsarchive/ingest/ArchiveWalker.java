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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the article files under one or more roots.
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
 * <p>An instance remembers every real path it reported, across calls to {@link #walk}, so that
 * overlapping roots ({@code archive} and {@code archive/1987}) do not report a file twice. It is
 * therefore not thread-safe; use one instance per indexing run.
 */
public final class ArchiveWalker {

    private static final String ARTICLE_SUFFIX = ".txt";

    /** Real paths of the files and folders already reported or entered. */
    private final Set<Path> seen = new HashSet<>();

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
            visitor.rejected(new ParseOutcome.Rejected(root, RejectReason.UNREADABLE, IoProblem.unreadable(e)));
            return;
        }
        if (attributes.isRegularFile()) {
            // Named by the user: taken whatever its name, even hidden; the parser decides.
            reportFile(root, visitor);
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
            visitor.rejected(new ParseOutcome.Rejected(root, RejectReason.UNREADABLE, IoProblem.unreadable(e)));
        }
    }

    /** Reports {@code file} by its real path unless already reported; a vanished file is rejected. */
    private void reportFile(Path file, ArchiveVisitor visitor) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            visitor.rejected(new ParseOutcome.Rejected(file, RejectReason.UNREADABLE, IoProblem.unreadable(e)));
            return;
        }
        if (seen.add(real)) {
            visitor.file(real);
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean hasArticleSuffix(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(ARTICLE_SUFFIX);
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
         * has the real path {@code realParent.resolve(name)}; knowing it saves a
         * {@code realpath} system call per file, which walks every component of the path.
         */
        private final Deque<Path> realDirectories = new ArrayDeque<>();

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
                reject(dir, e);
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!seen.add(real)) {
                return FileVisitResult.SKIP_SUBTREE; // already walked, through another link or root
            }
            realDirectories.push(real);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isHidden(file) || !hasArticleSuffix(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                // With FOLLOW_LINKS, a link's own attributes are only seen when its target is missing.
                target.skipped(file, "broken symlink");
            } else if (!attrs.isRegularFile()) {
                target.skipped(file, "not a regular file");
            } else {
                reportArticle(file);
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
                reject(file, exc);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            realDirectories.poll();
            if (exc != null) {
                reject(dir, exc); // the listing broke off part way
            }
            return FileVisitResult.CONTINUE;
        }

        private void reportArticle(Path file) {
            Path realParent = realDirectories.peek();
            boolean plain;
            try {
                plain = realParent != null && !Files.isSymbolicLink(file);
            } catch (SecurityException e) {
                plain = false;
            }
            if (plain) {
                Path real = realParent.resolve(file.getFileName().toString());
                if (seen.add(real)) {
                    target.file(real);
                }
            } else {
                reportFile(file, target);
            }
        }

        private void reject(Path path, IOException e) {
            target.rejected(new ParseOutcome.Rejected(path, RejectReason.UNREADABLE, IoProblem.unreadable(e)));
        }
    }

    /** Visible for tests: the visitor that {@link #walk} uses for a folder root. */
    Visitor visitorFor(Path root, ArchiveVisitor target) {
        return new Visitor(root, target);
    }
}
