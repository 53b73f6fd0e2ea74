package org.newsarchive.entity.ner;

import java.util.List;

/**
 * The result of evaluating a recogniser on a gold CoNLL file: per-type and overall exact-span
 * scores, token accuracy, and speed. A plain record so the CLI can print it as text or JSON.
 *
 * @param file            the evaluated file
 * @param documents       documents in it
 * @param sentences       sentences in it
 * @param tokens          tokens in it
 * @param types           one score per entity type, sorted by type
 * @param overall         the micro-averaged score over all types
 * @param tokenAccuracy   fraction of tokens whose IOB2 tag is right (conlleval's "accuracy")
 * @param seconds         time of one tagging pass after warm-up, the median of at least five (0 when not timed)
 * @param tokensPerSecond tokens / seconds, single thread (0 when not timed)
 */
public record NerEvaluation(String file, int documents, int sentences, long tokens, List<NerScore> types,
        NerScore overall, double tokenAccuracy, double seconds, double tokensPerSecond) {
    public NerEvaluation {
        types = List.copyOf(types);
    }
}
