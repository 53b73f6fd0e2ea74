package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.newsarchive.json.JsonText;

/** Writes JSON the same way for every command: pretty for {@code json}, one line for {@code jsonl}. */
final class JsonOutput {

    private JsonOutput() {
    }

    static void print(PrintWriter out, ObjectNode node, OutputFormat format) {
        out.println(format == OutputFormat.JSON ? JsonText.pretty(node) : JsonText.line(node));
    }
}
