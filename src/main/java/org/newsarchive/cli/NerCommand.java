package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.newsarchive.entity.ner.ConllDocument;
import org.newsarchive.entity.ner.ConllFormatException;
import org.newsarchive.entity.ner.ConllReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive ner}: see what the named-entity recogniser finds in an article ({@code tag}),
 * and build, train and evaluate it (tools for whoever maintains the model, see docs/entities.md).
 */
@Command(
        name = "ner",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tag an article's entities; build, train and evaluate the recogniser (see docs/entities.md).",
        subcommands = {
            NerTagCommand.class,
            NerLexiconCommand.class,
            NerTrainCommand.class,
            NerEvalCommand.class,
        })
public final class NerCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    public NerCommand() {
        // instantiated by picocli
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /**
     * Reads a CoNLL file, turning a missing or malformed file into a usage error (exit 2) whose
     * one line names the file and, when malformed, the line.
     */
    static List<ConllDocument> readConll(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such file");
        }
        try {
            List<ConllDocument> documents = ConllReader.read(file);
            if (documents.isEmpty()) {
                throw new UsageException(file + ": no sentences in it");
            }
            return documents;
        } catch (ConllFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read it: " + e.getMessage());
        }
    }
}
