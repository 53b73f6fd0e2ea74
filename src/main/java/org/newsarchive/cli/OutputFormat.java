package org.newsarchive.cli;

/** How a command prints its result. */
enum OutputFormat {
    /** For people: aligned, highlighted on a terminal. */
    TEXT,
    /** One pretty-printed JSON document. */
    JSON,
    /** Compact JSON, one object per line (for search: one line per hit). */
    JSONL
}
