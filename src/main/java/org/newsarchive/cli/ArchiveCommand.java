package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsarchive.query.ArchiveSearcher;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command that works on an index shares: the global options of its parent, its own
 * {@code --index}, and the output writer picocli was given (so tests inject theirs).
 */
abstract class ArchiveCommand implements Callable<Integer> {

    @ParentCommand
    NewsArchiveCommand top;

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOption indexOption;

    /** The index this command works on. */
    Path indexLocation() {
        return indexOption.resolve(top);
    }

    /** Opens the index for reading, with the alias table the user chose. */
    ArchiveSearcher openSearcher() throws IOException {
        return ArchiveSearcher.open(indexLocation(), top.aliases());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
