package org.newsarchive.entity.ner;

import java.util.HashMap;
import java.util.Map;

/**
 * The gazetteer's phrases as a tree of words, for the longest match starting at a token: one
 * hash lookup of the token's lower-cased form (a string the tagger already holds, whose hash is
 * cached) per token, and one more per further word of a phrase that goes on. Matching by
 * building the candidate phrase strings ("new", "new york", "new york stock"...) at every token
 * cost more than all the other features together.
 *
 * <p>Immutable once built; shared by all threads.
 */
final class PhraseTrie {

    /** A longest match: how many tokens, and the categories of the phrase they spell. */
    record Match(int length, String[] categories) {
    }

    private static final class Node {
        Map<String, Node> next;
        String[] categories;
    }

    private final Node root = new Node();
    private int maxLength;

    /** The trie of lower-cased phrases (words joined by single spaces) and their categories. */
    static PhraseTrie of(Map<String, String[]> phrases) {
        PhraseTrie trie = new PhraseTrie();
        trie.root.next = new HashMap<>(phrases.size() * 4 / 3 + 1);
        for (Map.Entry<String, String[]> entry : phrases.entrySet()) {
            Node node = trie.root;
            String[] words = entry.getKey().split(" ");
            trie.maxLength = Math.max(trie.maxLength, words.length);
            for (String word : words) {
                if (node.next == null) {
                    node.next = new HashMap<>(4);
                }
                node = node.next.computeIfAbsent(word, w -> new Node());
            }
            node.categories = entry.getValue();
        }
        return trie;
    }

    /** The number of words of the longest phrase. */
    int maxLength() {
        return maxLength;
    }

    /**
     * The longest phrase that the lower-cased tokens spell from {@code start}, or null when none
     * does. The walk ends where the tree does, so no phrase longer than the longest is tried.
     */
    Match longestMatch(String[] lowerCased, int start) {
        Node node = root;
        String[] categories = null;
        int length = 0;
        for (int i = start; i < lowerCased.length && node.next != null; i++) {
            node = node.next.get(lowerCased[i]);
            if (node == null) {
                break;
            }
            if (node.categories != null) {
                categories = node.categories;
                length = i - start + 1;
            }
        }
        return categories == null ? null : new Match(length, categories);
    }
}
