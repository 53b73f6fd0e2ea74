package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Tags whole documents of tokenised sentences with one {@link NameFinderME}: clears the
 * adaptive data once per document (not per sentence, so later sentences see how earlier ones
 * were tagged) and makes the document's {@link DocumentContext} current while it runs.
 *
 * <p>Not thread-safe, like the name finder inside it: use one per thread.
 */
public final class NerTagger {

    private final NameFinderME finder;

    public NerTagger(TokenNameFinderModel model) {
        this.finder = new NameFinderME(model);
    }

    /** The names of each sentence of one document, in token positions. */
    public List<List<TaggedSpan>> tagDocument(List<String[]> sentences) {
        DocumentContext.of(sentences).makeCurrent();
        try {
            finder.clearAdaptiveData();
            List<List<TaggedSpan>> result = new ArrayList<>(sentences.size());
            for (String[] tokens : sentences) {
                Span[] spans = tokens.length == 0 ? new Span[0] : finder.find(tokens);
                List<TaggedSpan> names = new ArrayList<>(spans.length);
                for (Span span : spans) {
                    names.add(new TaggedSpan(span.getStart(), span.getEnd(), span.getType()));
                }
                result.add(names);
            }
            return result;
        } finally {
            finder.clearAdaptiveData();
            DocumentContext.clear();
        }
    }

    /** Tags a CoNLL document, ignoring its gold names. */
    public List<List<TaggedSpan>> tagDocument(ConllDocument document) {
        List<String[]> sentences = new ArrayList<>(document.sentences().size());
        for (ConllSentence sentence : document.sentences()) {
            sentences.add(sentence.tokenArray());
        }
        return tagDocument(sentences);
    }
}
