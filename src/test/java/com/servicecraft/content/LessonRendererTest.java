package com.servicecraft.content;

import com.servicecraft.identity.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonRendererTest {
    private static LessonRenderer.Rendered render(String body) throws ContentException {
        LessonSource src = LessonSource.parse("x.md", "---\nid: x\ntitle: X\nminutes: 1\n---\n" + body);
        return LessonRenderer.render(src.parts(), Language.EN, "/learn/media/m/", id -> "<p class=\"sc-embed\">" + id + "</p>");
    }

    @Test
    void aScriptOrAnOnerrorAttributeInMarkdownIsRenderedWithoutIt() throws Exception {
        String html = render("Hello <script>alert('x')</script> world\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n\n"
                + "[click](javascript:alert(2))\n").html();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("alert"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("Hello"));
    }

    @Test
    void calloutsDialoguesTablesAndHeadingsAreRenderedDistinctly() throws Exception {
        LessonRenderer.Rendered r = render("## First part\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n:::tip\nBe **kind**.\n:::\n\n"
                + ":::dialogue\ncustomer(Ms Li): Where is my car?\nstaff: It is ready, Ms Li.\n:::\n\n![A desk](media/desk.png)\n\n[[exercise:m1-x]]\n");
        String html = r.html();
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("sc-callout sc-callout-tip"), html);
        assertTrue(html.contains("<strong>kind</strong>"), html);
        assertTrue(html.contains("sc-bubble sc-bubble-customer") && html.contains("Ms Li"), html);
        assertTrue(html.contains("sc-bubble sc-bubble-staff") && html.contains(">Staff<"), html);
        assertTrue(html.contains("src=\"/learn/media/m/desk.png\"") && html.contains("alt=\"A desk\""), html);
        assertTrue(html.contains("m1-x"), html);
        assertEquals(1, r.headings().size());
        assertEquals("first-part", r.headings().get(0).id());
    }

    @Test
    void headingsComeFromTheMarkdownTreeWithTheAnchorIdsAndPlainText() throws Exception {
        LessonRenderer.Rendered r = render("## Greet *warmly*\n\n### Say `hello` & smile\n\n#### Too deep\n\n## Greet *warmly*\n");
        assertEquals(java.util.List.of(new LessonRenderer.Heading(2, "greet-warmly", "Greet warmly"),
                new LessonRenderer.Heading(3, "say-hello--smile", "Say hello & smile"),
                new LessonRenderer.Heading(2, "greet-warmly-1", "Greet warmly")), r.headings());
        for (LessonRenderer.Heading h : r.headings()) {
            assertTrue(r.html().contains("id=\"" + h.id() + "\""), "the page has the anchor " + h.id() + ": " + r.html());
        }
    }

    @Test
    void calloutLabelsComeFromTheMessageBundlesInTheReadersLanguage() throws Exception {
        LessonSource src = LessonSource.parse("x.md", "---\nid: x\ntitle: X\nminutes: 1\n---\n:::warning\nMind the step.\n:::\n");
        assertTrue(LessonRenderer.render(src.parts(), Language.EN, "/", id -> "").html().contains(">Watch out<"));
        assertTrue(LessonRenderer.render(src.parts(), Language.ZH_CN, "/", id -> "").html().contains(">注意<"));
    }

    @Test
    void plainTextCountsCharactersWithoutMarkup() throws Exception {
        LessonSource src = LessonSource.parse("x.md", "---\nid: x\ntitle: X\nminutes: 1\n---\n## 标题\n\n**倾听**很重要。\n\n:::dialogue\ncustomer: 你好\n:::\n");
        assertEquals("标题倾听很重要。你好".length(), LessonRenderer.countChars(LessonRenderer.plainText(src.parts())));
    }
}
