package org.newsarchive.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The result of reading one source file: an article, or the reason it was rejected. Parsing never
 * throws for bad input; a batch counts rejections instead of dying on the first odd file.
 */
public sealed interface ParseOutcome {

    /** The file the outcome is about. */
    Path path();

    /**
     * The file, or one record of it, held a valid article.
     *
     * @param line the record's line in a file of many records, counted from 1; 0 for a whole file
     */
    record Parsed(Article article, long line) implements ParseOutcome {
        public Parsed {
            Objects.requireNonNull(article, "article");
        }

        /** A whole file's article. */
        public Parsed(Article article) {
            this(article, 0);
        }

        @Override
        public Path path() {
            return article.path();
        }
    }

    /**
     * The file, or one record of it, was not indexed.
     *
     * @param line   the line of the record that was rejected, counted from 1, for files of many
     *               records (JSON lines, JSON arrays); 0 when the whole file is meant
     * @param detail what exactly is wrong, in words a user can act on
     *               (e.g. {@code "impossible date 2023-02-30"})
     */
    record Rejected(Path path, long line, RejectReason reason, String detail) implements ParseOutcome {
        public Rejected {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            if (line < 0) {
                throw new IllegalArgumentException("line must not be negative: " + line);
            }
        }

        /** A whole file rejected. */
        public Rejected(Path path, RejectReason reason, String detail) {
            this(path, 0, reason, detail);
        }

        /** Where: {@code path}, or {@code path:line} for one record of a file. */
        public String location() {
            return line == 0 ? path.toString() : path + ":" + line;
        }

        /** One line for stderr: {@code path: detail} or {@code path:line: detail}. */
        public String message() {
            return location() + ": " + detail;
        }
    }
}
