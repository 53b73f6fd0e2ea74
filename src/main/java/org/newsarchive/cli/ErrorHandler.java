package org.newsarchive.cli;

import java.io.PrintWriter;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.newsarchive.entity.AliasFileException;
import org.newsarchive.index.IndexLocationException;
import org.newsarchive.index.IndexLockedException;
import org.newsarchive.index.IndexWriteException;
import org.newsarchive.query.FirstLine;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.InvalidDateException;
import org.newsarchive.query.InvalidQueryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become messages and exit codes: one line on stderr that says
 * what is wrong, the matching code from {@link ExitCodes}, and a stack trace only when the user
 * asked for it with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("newsarchive: " + FirstLine.of(e.getMessage())
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        if (debug(cmd)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (code == ExitCodes.FAILURE && !(e instanceof IndexWriteException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        err.println("newsarchive: " + FirstLine.of(message));
        if (debug(cmd)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof UsageException || e instanceof InvalidQueryException || e instanceof InvalidDateException
                || e instanceof AliasFileException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof IndexUnavailableException || e instanceof IndexLockedException
                || e instanceof IndexLocationException || e instanceof CorruptIndexException
                || e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
            return ExitCodes.INDEX_UNAVAILABLE;
        }
        return ExitCodes.FAILURE;
    }

    private static boolean debug(CommandLine cmd) {
        NewsArchiveCommand top = NewsArchiveCommand.of(cmd);
        return top != null && top.debug();
    }
}
