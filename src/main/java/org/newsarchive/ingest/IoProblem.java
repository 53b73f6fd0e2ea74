package org.newsarchive.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns an {@link IOException} into the few words a user needs ("permission denied").
 *
 * <p>Java's file exceptions put the path in the message and sometimes nothing else
 * ({@link AccessDeniedException#getMessage()} is just the path); the path is already in every
 * rejection, so repeating it, or printing a stack trace, only hides the cause.
 */
public final class IoProblem {

    private IoProblem() {
    }

    /** A short, lower-case reason for {@code e}, without the path. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "symlink loop";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null && !fse.getReason().isBlank()) {
            return lowerFirst(fse.getReason().strip());
        }
        if (!(e instanceof FileSystemException) && e.getMessage() != null && !e.getMessage().isBlank()) {
            return lowerFirst(e.getMessage().strip());
        }
        return e.getClass().getSimpleName();
    }

    /** {@code "unreadable: <reason>"}, the detail of every UNREADABLE rejection. */
    static String unreadable(IOException e) {
        return unreadable(describe(e));
    }

    /** {@code "unreadable: <reason>"}. */
    static String unreadable(String reason) {
        return "unreadable: " + reason;
    }

    private static String lowerFirst(String s) {
        // "Is a directory" -> "is a directory", but keep acronyms such as "I/O error" readable.
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
