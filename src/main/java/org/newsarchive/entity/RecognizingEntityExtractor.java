package org.newsarchive.entity;

import java.util.function.Supplier;

/**
 * The entity pipeline: a {@link MentionRecognizer} finds names, an {@link EntityNormalizer}
 * gives each its canonical form, an {@link ArticleEntityResolver} merges what the article shows
 * to be the same entity.
 *
 * <p>An all-capitals headline (Reuters' style) is not given to the recogniser: a model trained on
 * mixed-case text sees a name in every capitalised word there, and the body names the same
 * entities properly anyway.
 */
public final class RecognizingEntityExtractor implements EntityExtractor {

    private final Supplier<MentionRecognizer> recognizer;
    private final ArticleEntityResolver resolver;
    private volatile MentionRecognizer loaded;

    public RecognizingEntityExtractor(MentionRecognizer recognizer, AliasTable aliases) {
        this(() -> recognizer, aliases);
    }

    /**
     * An extractor whose recogniser is created on first use: loading a model takes a good part
     * of a second, which a run that finds every file unchanged should not pay.
     */
    public RecognizingEntityExtractor(Supplier<MentionRecognizer> recognizer, AliasTable aliases) {
        this.recognizer = recognizer;
        this.resolver = new ArticleEntityResolver(new EntityNormalizer(aliases));
    }

    private MentionRecognizer recognizer() {
        MentionRecognizer r = loaded;
        if (r == null) {
            synchronized (this) {
                r = loaded;
                if (r == null) {
                    r = recognizer.get();
                    loaded = r;
                }
            }
        }
        return r;
    }

    @Override
    public String version() {
        return recognizer().version();
    }

    @Override
    public ArticleEntities extract(String headline, String body) {
        String text = textOf(headline, body);
        return resolver.resolve(text, recognizer().recognize(text));
    }

    /**
     * The text the recogniser sees: the headline (unless it is all capitals or repeats the start
     * of the body) and the body, separated by a blank line.
     */
    public static String textOf(String headline, String body) {
        boolean useHeadline = !headline.isBlank() && hasLowerCase(headline) && !startsWithHeadline(body, headline);
        return useHeadline ? headline + "\n\n" + body : body;
    }

    private static boolean startsWithHeadline(String body, String headline) {
        String stem = headline.endsWith("\u2026") ? headline.substring(0, headline.length() - 1) : headline;
        return body.startsWith(stem);
    }

    private static boolean hasLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
