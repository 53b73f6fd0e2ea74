package org.newsarchive.cli;

/**
 * The process exit codes, one meaning each, so scripts can tell "nothing found" (0) from
 * "you asked wrong" (2) from "the index is not there" (4).
 */
public final class ExitCodes {

    /** Success, including a search with zero hits. */
    public static final int OK = 0;

    /** Something unexpected went wrong; the message says what ({@code --debug} shows the stack trace). */
    public static final int FAILURE = 1;

    /** Bad arguments: unknown option, invalid query, invalid date, missing input path, unknown id. */
    public static final int USAGE = 2;

    /** Indexing finished, but some files were rejected (each is listed on stderr). */
    public static final int REJECTED = 3;

    /** The index is missing, unreadable, damaged, or locked by another writer. */
    public static final int INDEX_UNAVAILABLE = 4;

    /** {@code check}: the index is sound but does not hold what the files on disk say. */
    public static final int OUT_OF_DATE = 5;


    private ExitCodes() {
    }
}
