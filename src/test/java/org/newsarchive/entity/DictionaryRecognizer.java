package org.newsarchive.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recogniser for tests: finds exactly the phrases it is given (case-sensitive, whole words,
 * longest first), so tests of everything downstream of recognition have exact expectations.
 */
public final class DictionaryRecognizer implements MentionRecognizer {

    private final Map<String, EntityType> phrases;

    public DictionaryRecognizer(Map<String, EntityType> phrases) {
        this.phrases = new LinkedHashMap<>(phrases);
    }

    @Override
    public List<Mention> recognize(String text) {
        List<String> longestFirst = new ArrayList<>(phrases.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        boolean[] taken = new boolean[text.length()];
        List<Mention> found = new ArrayList<>();
        for (String phrase : longestFirst) {
            int at = text.indexOf(phrase);
            while (at >= 0) {
                int end = at + phrase.length();
                if (isBoundary(text, at - 1) && isBoundary(text, end) && free(taken, at, end)) {
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    found.add(new Mention(phrases.get(phrase), phrase, at, end));
                }
                at = text.indexOf(phrase, at + 1);
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    private static boolean isBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    private static boolean free(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
