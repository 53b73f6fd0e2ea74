package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class IoProblemTest {

    @Test
    void knownExceptionsHaveFixedWords() {
        assertEquals("no such file or directory", IoProblem.describe(new NoSuchFileException("/a/b")));
        assertEquals("permission denied", IoProblem.describe(new AccessDeniedException("/a/b")));
        assertEquals("symlink loop", IoProblem.describe(new FileSystemLoopException("/a/b")));
        assertEquals("not a directory", IoProblem.describe(new NotDirectoryException("/a/b")));
    }

    @Test
    void otherFileSystemExceptionsGiveTheirReasonWithoutThePath() {
        assertEquals("is a directory", IoProblem.describe(new FileSystemException("/a/b", null, "Is a directory")));
        assertEquals("I/O error", IoProblem.describe(new FileSystemException("/a/b", null, "I/O error")));
        assertEquals("FileSystemException", IoProblem.describe(new FileSystemException("/a/b")));
    }

    @Test
    void plainIoExceptionsGiveTheirMessageOrType() {
        assertEquals("stream closed", IoProblem.describe(new IOException("Stream closed")));
        assertEquals("IOException", IoProblem.describe(new IOException()));
        assertEquals("IOException", IoProblem.describe(new IOException("  ")));
    }

    @Test
    void unreadableDetail() {
        assertEquals("unreadable: permission denied", IoProblem.unreadable(new AccessDeniedException("/x")));
        assertEquals("unreadable: is a directory", IoProblem.unreadable("is a directory"));
    }
}
