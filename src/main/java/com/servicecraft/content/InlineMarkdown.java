package com.servicecraft.content;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Set;

/**
 * The one way a short course text (a question's prompt, an option, a statement, a role-play line,
 * an explanation) is shown: inline Markdown only, i.e. {@code **bold**}, {@code *italic*} and
 * {@code `code`}. Block syntax (headings, lists, quotes) stays literal text, raw HTML is shown as
 * text, links and images become their text. {@link #html} is for pages and passes the OWASP
 * sanitizer with a policy that keeps only {@code strong}, {@code em}, {@code code} and {@code br}
 * and no attribute at all; {@link #plain} is for PDFs and other plain-text outputs.
 */
public final class InlineMarkdown {
    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of()).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br />").build();

    /** Only the inline emphasis this format promises; no attributes, so nothing can carry script. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("strong", "em", "code", "br")
            .toFactory();

    private InlineMarkdown() {
    }

    /** Safe inline HTML for a page (use with {@code escape="false"}); empty for {@code null}. */
    public static String html(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Node doc = parse(text);
        String html = RENDERER.render(doc).strip()
                .replaceAll("^<p>|</p>$", "")
                .replace("</p>\n<p>", "<br /><br />");
        return POLICY.sanitize(html);
    }

    /** The text without its markers ({@code 您**已经**问过了} → {@code 您已经问过了}); {@code null} stays {@code null}. */
    public static String plain(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                out.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                out.append(node.getLiteral());
            }

            @Override
            public void visit(HtmlInline node) {
                out.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                out.append('\n');
            }

            @Override
            public void visit(HardLineBreak node) {
                out.append('\n');
            }

            @Override
            public void visit(Paragraph node) {
                if (node.getPrevious() != null) {
                    out.append("\n\n");
                }
                visitChildren(node);
            }
        });
        return out.toString();
    }

    private static Node parse(String text) {
        Node doc = PARSER.parse(text);
        // Links and images are not part of this format: keep what they say, drop where they point.
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                visitChildren(link);
                unwrap(link);
            }

            @Override
            public void visit(Image image) {
                visitChildren(image);
                unwrap(image);
            }
        });
        return doc;
    }

    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }
}
