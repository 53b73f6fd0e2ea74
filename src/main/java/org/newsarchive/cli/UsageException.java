package org.newsarchive.cli;

/** The user asked for something that cannot be done as asked; exits with {@link ExitCodes#USAGE}. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
