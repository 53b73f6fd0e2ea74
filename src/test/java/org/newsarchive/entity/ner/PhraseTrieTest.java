package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseTrieTest {

    private final PhraseTrie trie = PhraseTrie.of(Map.of(
            "new york", new String[] {"city"},
            "new york stock exchange", new String[] {"org"},
            "york", new String[] {"city", "first"}));

    private static String[] words(String text) {
        return text.split(" ");
    }

    @Test
    void findsTheLongestPhraseStartingAtAToken() {
        PhraseTrie.Match match = trie.longestMatch(words("the new york stock exchange fell"), 1);
        assertEquals(4, match.length());
        assertArrayEquals(new String[] {"org"}, match.categories());
        PhraseTrie.Match shorter = trie.longestMatch(words("the new york stock market"), 1);
        assertEquals(2, shorter.length(), "a phrase that stops short falls back to the longest one that ended");
        assertArrayEquals(new String[] {"city"}, shorter.categories());
        assertArrayEquals(new String[] {"city", "first"}, trie.longestMatch(words("new york"), 1).categories());
    }

    @Test
    void findsNothingWhereNoPhraseStarts() {
        assertNull(trie.longestMatch(words("the new york"), 0));
        assertNull(trie.longestMatch(words("new"), 0), "a prefix of a phrase is not a phrase");
        assertEquals(4, trie.maxLength());
        assertNull(PhraseTrie.of(Map.of()).longestMatch(words("new york"), 0));
    }
}
