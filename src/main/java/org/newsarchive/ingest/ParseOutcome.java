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

    /** The file held a valid article. */
    record Parsed(Article article) implements ParseOutcome {
        public Parsed {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public Path path() {
            return article.path();
        }
    }

    /**
     * The file was not indexed.
     *
     * @param detail what exactly is wrong, in words a user can act on
     *               (e.g. {@code "impossible date 2023-02-30"})
     */
    record Rejected(Path path, RejectReason reason, String detail) implements ParseOutcome {
        public Rejected {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** One line for stderr: {@code path: detail}. */
        public String message() {
            return path + ": " + detail;
        }
    }
}
