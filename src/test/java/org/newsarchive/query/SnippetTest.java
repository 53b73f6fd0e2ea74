package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void rendersHighlightsWithAnyMarkup() {
        Snippet s = new Snippet("the cocoa crop and cocoa prices",
                List.of(new Snippet.Highlight(4, 9), new Snippet.Highlight(19, 24)));
        assertEquals("the <em>cocoa</em> crop and <em>cocoa</em> prices", s.toHtmlEm());
        assertEquals("the [cocoa] crop and [cocoa] prices", s.render("[", "]"));
    }

    @Test
    void wordsOfAPhraseReadAsOneHighlight() {
        Snippet s = new Snippet("in the South China Sea today", List.of(
                new Snippet.Highlight(7, 12), new Snippet.Highlight(13, 18), new Snippet.Highlight(19, 22)));
        assertEquals("in the <em>South China Sea</em> today", s.toHtmlEm());
    }

    @Test
    void emptySnippet() {
        assertEquals("", Snippet.EMPTY.toHtmlEm());
    }
}
