package com.servicecraft.content;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineMarkdownTest {

    @Test
    void rendersBoldItalicAndCode() {
        assertEquals("a <strong>b</strong> <em>c</em> <code>d</code>", InlineMarkdown.html("a **b** *c* `d`"));
        assertEquals("<strong>e</strong> <em>f</em>", InlineMarkdown.html("__e__ _f_"));
    }

    @Test
    void rendersChineseEmphasis() {
        assertEquals("您<strong>已经</strong>问过了", InlineMarkdown.html("您**已经**问过了"));
        assertEquals("<strong>我</strong>从未说过他欺骗她", InlineMarkdown.html("**我**从未说过他欺骗她"));
        // The sanitizer writes some full-width punctuation as character references; the browser shows the same text.
        assertEquals("员工回答“您<strong>已经</strong>问过了”，重读“已经”。",
                org.owasp.html.Encoding.decodeHtml(InlineMarkdown.html("员工回答“您**已经**问过了”，重读“已经”。"), false));
    }

    @Test
    void blockSyntaxStaysText() {
        assertEquals("# not a heading", InlineMarkdown.html("# not a heading"));
        assertEquals("1. first<br />- second", InlineMarkdown.html("1. first\n- second"));
        assertEquals("&gt; quote", InlineMarkdown.html("> quote"));
        assertEquals("one<br /><br />two", InlineMarkdown.html("one\n\ntwo"));
    }

    @Test
    void rawHtmlIsShownAsTextNeverAsMarkup() {
        String img = InlineMarkdown.html("<img src=x onerror=alert(1)>");
        assertFalse(img.contains("<img"), img);
        assertTrue(img.startsWith("&lt;img"), img);
        String script = InlineMarkdown.html("a <script>alert(1)</script> b");
        assertFalse(script.contains("<script"), script);
        assertTrue(script.contains("&lt;script&gt;"), script);
        String attr = InlineMarkdown.html("**x** <b onclick=\"alert(1)\">y</b>");
        assertFalse(attr.contains("<b "), attr);
        assertTrue(attr.startsWith("<strong>x</strong>"), attr);
    }

    @Test
    void linksAndImagesKeepOnlyTheirText() {
        assertEquals("x", InlineMarkdown.html("[x](javascript:alert(1))"));
        assertEquals("see <strong>this</strong>", InlineMarkdown.html("see [**this**](https://example.org)"));
        assertEquals("alt", InlineMarkdown.html("![alt](javascript:alert(1))"));
        assertEquals("x", InlineMarkdown.plain("[x](javascript:alert(1))"));
        String autolink = InlineMarkdown.html("<javascript:alert(1)> **b**");
        assertFalse(autolink.contains("<a") || autolink.contains("href"), autolink);
        assertTrue(autolink.endsWith("<strong>b</strong>"), autolink);
    }

    @Test
    void entitiesAreDecodedThenEscapedOnce() {
        assertEquals("&lt;script&gt; &amp; ©", InlineMarkdown.html("&lt;script&gt; &amp; &copy;"));
        assertEquals("<script> & ©", InlineMarkdown.plain("&lt;script&gt; &amp; &copy;"));
    }

    @Test
    void plainDropsTheMarkers() {
        assertEquals("您已经问过了", InlineMarkdown.plain("您**已经**问过了"));
        assertEquals("a b c d", InlineMarkdown.plain("a **b** *c* `d`"));
        assertEquals("line one\nline two\n\nnext", InlineMarkdown.plain("line one\nline two\n\nnext"));
        assertEquals("<b>raw</b>", InlineMarkdown.plain("<b>raw</b>"));
        assertEquals("2 * 3 = 6", InlineMarkdown.plain("2 * 3 = 6"));
    }

    @Test
    void nothingInNothingOut() {
        assertEquals("", InlineMarkdown.html(null));
        assertEquals("", InlineMarkdown.html(""));
        assertNull(InlineMarkdown.plain(null));
    }
}
