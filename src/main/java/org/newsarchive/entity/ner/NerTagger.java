package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Tags whole documents of tokenised sentences with one name finder: clears the adaptive data
 * once per document (not per sentence, so later sentences see how earlier ones were tagged) and
 * makes the document's {@link DocumentContext} current while it runs. The name finder is a
 * {@link PerceptronNameFinder} for the models it supports (ours are), which tags exactly as
 * OpenNLP's {@link NameFinderME} but faster, and NameFinderME for any other model.
 *
 * <p>Not thread-safe, like the name finder inside it: use one per thread.
 */
public final class NerTagger {

    private final TokenNameFinder finder;

    public NerTagger(TokenNameFinderModel model) {
        this(model, PerceptronWeights.of(model));
    }

    /** A tagger sharing {@code weights}, the model's ({@link PerceptronWeights#of}), with others. */
    NerTagger(TokenNameFinderModel model, PerceptronWeights weights) {
        TokenNameFinder fast = PerceptronNameFinder.of(model, weights);
        this.finder = fast != null ? fast : new NameFinderME(model);
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
                    addSplittingAcronym(names, tokens, new TaggedSpan(span.getStart(), span.getEnd(), span.getType()));
                }
                result.add(names);
            }
            return result;
        } finally {
            finder.clearAdaptiveData();
            DocumentContext.clear();
        }
    }

    /**
     * Adds {@code name}, split in two when it reads "expansion ( ACRONYM )" with the acronym
     * spelling out the expansion's initials: {@code Asia-Pacific Economic Cooperation ( APEC )} is
     * two mentions of one organisation. The model sometimes tags it as one name, because CoNLL
     * writes some team names with a bracketed letter inside ({@code Mladost ( L )}), which this
     * rule leaves alone.
     */
    static void addSplittingAcronym(List<TaggedSpan> names, String[] tokens, TaggedSpan name) {
        int end = name.end();
        if (name.length() >= 4 && tokens[end - 1].equals(")") && tokens[end - 3].equals("(")) {
            int open = end - 3;
            String acronym = tokens[end - 2];
            if (acronym.length() >= 2 && acronym.equals(CapitalizedRuns.initials(tokens, name.start(), open))) {
                names.add(new TaggedSpan(name.start(), open, name.type()));
                names.add(new TaggedSpan(open + 1, open + 2, name.type()));
                return;
            }
        }
        names.add(name);
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
