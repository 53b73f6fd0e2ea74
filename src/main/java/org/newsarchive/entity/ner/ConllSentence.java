package org.newsarchive.entity.ner;

import java.util.List;

/**
 * One sentence of a CoNLL file: its tokens and the names in it. The names are kept as spans, not
 * tags, so IOB1, IOB2 and IOBES input all end up the same.
 *
 * @param tokens the tokens, as in the first column
 * @param names  the typed chunks, in order, not overlapping
 * @param line   the 1-based line of the first token in its file, for messages
 */
public record ConllSentence(List<String> tokens, List<TaggedSpan> names, int line) {
    public ConllSentence {
        tokens = List.copyOf(tokens);
        names = List.copyOf(names);
        for (TaggedSpan name : names) {
            if (name.end() > tokens.size()) {
                throw new IllegalArgumentException("span " + name + " beyond " + tokens.size() + " tokens");
            }
        }
    }

    /** The tokens as an array, the form OpenNLP wants. */
    public String[] tokenArray() {
        return tokens.toArray(String[]::new);
    }

    public int size() {
        return tokens.size();
    }
}
