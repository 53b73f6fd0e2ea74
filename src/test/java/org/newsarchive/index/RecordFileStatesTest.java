package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFileStatesTest {

    static final String ZEROS = "0".repeat(64);

    static RecordFileState state(long size) {
        return new RecordFileState(size, 20, 30, 3, new byte[32], 2, true);
    }

    @Test
    void aFileStateIsPublishedOnlyOnceTheReaderHasFinishedAndEveryRecordIsInTheWriter() {
        RecordFileStates states = new RecordFileStates(Map.of());
        RecordFileStates.Progress progress = states.progress("/a/feed.jsonl");
        progress.handedOver();
        progress.handedOver();
        progress.done(); // one record in the writer, one still with a worker
        progress.finish(state(10));
        assertNull(states.get("/a/feed.jsonl"), "a record is not in the writer yet");
        progress.done();
        assertEquals(state(10), states.get("/a/feed.jsonl"));
    }

    @Test
    void recordsInTheWriterBeforeTheReaderFinishesWaitForIt() {
        RecordFileStates states = new RecordFileStates(Map.of("/a/feed.jsonl", state(5)));
        RecordFileStates.Progress progress = states.progress("/a/feed.jsonl");
        progress.handedOver();
        progress.done();
        assertEquals(state(5), states.get("/a/feed.jsonl"), "the reader has not finished: the old state stands");
        progress.finish(state(10));
        assertEquals(state(10), states.get("/a/feed.jsonl"));
    }

    @Test
    void standardInputHasNoStateToPublish() {
        RecordFileStates states = new RecordFileStates(Map.of());
        RecordFileStates.Progress progress = states.progress("<stdin>");
        progress.handedOver();
        progress.done();
        progress.finish(null);
        assertEquals("", states.encoded());
    }

    @Test
    void statesAreEncodedInPathOrderAndForgottenOnRequest() {
        RecordFileStates states = new RecordFileStates(Map.of("/a/z.jsonl", state(1)));
        states.publish("/b/y.json", RecordFileState.notArticles(7, 8));
        states.publish("/a/x.jsonl", state(2));

        assertEquals("2 20 30 3 2 a " + ZEROS + " /a/x.jsonl\n"
                + "1 20 30 3 2 a " + ZEROS + " /a/z.jsonl\n"
                + "7 8 -1 0 0 w " + ZEROS + " /b/y.json\n", states.encoded());
        assertEquals(List.of("/a/x.jsonl", "/a/z.jsonl"), states.pathsStartingWith("/a/"));

        states.forget("/a/z.jsonl");
        assertNull(states.get("/a/z.jsonl"));
        assertEquals(List.of("/a/x.jsonl"), states.pathsStartingWith("/a/"));
    }
}
