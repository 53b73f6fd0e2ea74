package org.newsarchive.ingest;

/**
 * Receives the records of a file of many (JSON lines, a JSON array), in file order: each an
 * article or a rejection with its line. A callback so that a 2 GB file is streamed, never held.
 */
@FunctionalInterface
public interface RecordSink {

    void accept(ParseOutcome record);
}
