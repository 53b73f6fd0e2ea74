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

    @Test
    void theArticlesOwnMarkupIsEscapedAndOnlyTheMarksAreHtml() {
        String text = "<script>alert(1)</script> & <img src=x onerror=\"go()\"> 'cocoa' <b>";
        int at = text.indexOf("cocoa");
        Snippet s = new Snippet(text, List.of(new Snippet.Highlight(at, at + 5)));
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=&quot;go()&quot;&gt; "
                + "&#39;<em>cocoa</em>&#39; &lt;b&gt;", s.toHtmlEm());
        // the plain rendering is untouched: terminals and offsets see the text as it is
        assertEquals(text, s.render("", ""));
    }

    @Test
    void aMarkedRunOfMarkupIsEscapedInsideTheMark() {
        Snippet s = new Snippet("a <tag> b", List.of(new Snippet.Highlight(2, 7)));
        assertEquals("a <em>&lt;tag&gt;</em> b", s.toHtmlEm());
    }
}
