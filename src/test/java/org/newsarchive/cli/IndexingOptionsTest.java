package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.newsarchive.index.IndexSettings;
import picocli.CommandLine;

class IndexingOptionsTest {

    private static IndexingOptions parse(String... args) {
        IndexingOptions options = new IndexingOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return options;
    }

    @Test
    void theCommandLineCommitsAsOftenAsTheDocumentedDefault() {
        IndexingOptions options = parse();
        assertEquals(IndexSettings.DEFAULT_COMMIT_EVERY, options.settings(false).commitEvery());
    }

    @Test
    void theHiddenOptionStillSetsIt() {
        IndexingOptions options = parse("--commit-every", "7");
        assertEquals(7, options.settings(false).commitEvery());
    }
}
