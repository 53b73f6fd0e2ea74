package org.newsarchive.entity.ner;

/**
 * The features that depend on the outcomes of the previous tokens: the only ones that differ
 * between the hypotheses of the beam, so they are built per hypothesis while all others are built
 * once per sentence. One place names them because two code paths must build them alike: the
 * context generator OpenNLP trains and tags with, and {@link PerceptronNameFinder}.
 *
 * <p>Before the first token, OpenNLP's features see the outcome {@code other} and ours the
 * sentence start {@code <s>}.
 */
final class OutcomeFeatures {

    /** What OpenNLP's previous-outcome features see before the first token. */
    static final String NO_OUTCOME = "other";
    /** What our outcome-pair feature sees before the first token. */
    static final String SENTENCE_START = "<s>";

    private OutcomeFeatures() {
    }

    /** Ours: the two previous outcomes ({@link NerFeatureGenerator.Group#OUTCOMES}). */
    static String pair(String beforePrevious, String previous) {
        return "pp=" + beforePrevious + "," + previous;
    }

    /** OpenNLP's: the previous outcome. */
    static String previous(String previous) {
        return "po=" + previous;
    }

    /** OpenNLP's: the previous outcome and the token. */
    static String previousAndWord(String previous, String token) {
        return "pow=" + previous + "," + token;
    }

    /** OpenNLP's: the previous outcome and the token's class ({@code FeatureGeneratorUtil.tokenFeature}). */
    static String previousAndClass(String previous, String tokenClass) {
        return "powf=" + previous + "," + tokenClass;
    }

    /** OpenNLP's: the outcome before the previous one. */
    static String beforePrevious(String beforePrevious) {
        return "ppo=" + beforePrevious;
    }
}
