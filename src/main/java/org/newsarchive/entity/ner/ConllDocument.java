package org.newsarchive.entity.ner;

import java.util.List;

/**
 * One document of a CoNLL file (the sentences between two {@code -DOCSTART-} markers). Documents
 * matter because the recogniser uses what it saw earlier in the same document.
 */
public record ConllDocument(List<ConllSentence> sentences) {
    public ConllDocument {
        sentences = List.copyOf(sentences);
    }

    /** Total number of tokens. */
    public int tokenCount() {
        int count = 0;
        for (ConllSentence sentence : sentences) {
            count += sentence.size();
        }
        return count;
    }
}
