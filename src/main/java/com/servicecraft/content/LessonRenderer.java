package com.servicecraft.content;

import com.servicecraft.shared.Language;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import com.servicecraft.shared.web.Messages;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a lesson's Markdown into safe HTML: commonmark-java (tables, heading anchors) then the
 * OWASP sanitizer, which removes anything that could run script. The same pass tells the loader
 * what the sanitizer would remove, so authors see it as an error instead of silently losing it.
 */
@edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = "REDOS",
        justification = "The class-attribute pattern is linear: each repeated group starts with a space, which [a-z-] cannot match.")
public final class LessonRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    /** The heading ids the sanitizer keeps (the POLICY's rule for id on h1-h6). */
    private static final Pattern HEADING_ID = Pattern.compile("[a-z0-9\\p{L}_-]{1,120}");
    private static final Pattern SAFE_URL = Pattern.compile("^(https?://|mailto:|#|/|media/)[^\\s]*$|^[A-Za-z0-9._/-]+$");

    /** What the lesson pages allow: text structure, tables, links, images, audio and our own callout markup. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i", "code",
                    "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "div",
                    "span", "audio", "section", "aside")
            .allowAttributes("id").matching(HEADING_ID).onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class").matching(Pattern.compile("sc-[a-z-]+(?: sc-[a-z-]+)*")).onElements("div", "span", "aside", "section", "p")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("src", "controls", "preload").onElements("audio")
            .allowAttributes("data-speaker").onElements("div")
            .allowStandardUrlProtocols()
            .requireRelNofollowOnLinks()
            .toFactory();

    public record Heading(int level, String id, String text) {
    }

    public record Rendered(String html, List<Heading> headings) {
    }

    private LessonRenderer() {
    }

    /**
     * Renders the parts of a lesson. {@code mediaBase} prefixes relative media paths (e.g.
     * {@code /learn/media/m1-etiquette/}); {@code exerciseLink} renders an embedded exercise.
     */
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"POTENTIAL_XML_INJECTION"},
            justification = "Builds HTML from escaped or Markdown-rendered parts; the whole result passes through the OWASP sanitizer POLICY before it leaves.")
    public static Rendered render(List<LessonSource.Part> parts, Language language, String mediaBase,
                                  Function<String, String> exerciseLink) {
        StringBuilder html = new StringBuilder();
        List<Heading> headings = new ArrayList<>();
        for (LessonSource.Part part : parts) {
            if (part instanceof LessonSource.Markdown md) {
                html.append(markdown(md.text(), mediaBase, headings));
            } else if (part instanceof LessonSource.Callout c) {
                html.append(callout(c, language, mediaBase, headings));
            } else if (part instanceof LessonSource.Embed e && e.kind().equals("audio")) {
                html.append("<div class=\"sc-audio\"><audio controls=\"controls\" preload=\"none\" src=\"")
                        .append(escape(mediaBase + e.target().replaceFirst("^media/", ""))).append("\"></audio></div>");
            } else if (part instanceof LessonSource.Embed e) {
                html.append(exerciseLink.apply(e.target()));
            }
        }
        return new Rendered(POLICY.sanitize(html.toString()), headings);
    }

    /** Sanitizes HTML that came from elsewhere (e.g. an embed rendered by the page). */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /**
     * Markdown to HTML; when {@code headings} is given, adds the level-2 and -3 headings to it with
     * the ids the anchor extension gives them (its attribute provider runs before ours).
     */
    private static String markdown(String text, String mediaBase, List<Heading> headings) {
        Node doc = PARSER.parse(text);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String d = image.getDestination();
                if (!d.startsWith("http") && !d.startsWith("/")) {
                    image.setDestination(mediaBase + d.replaceFirst("^media/", ""));
                }
                visitChildren(image);
            }
        });
        return HtmlRenderer.builder().extensions(EXTENSIONS).attributeProviderFactory(context -> (node, tag, attributes) -> {
            if (headings != null && node instanceof org.commonmark.node.Heading h && (h.getLevel() == 2 || h.getLevel() == 3)) {
                String id = attributes.get("id");
                if (id != null && HEADING_ID.matcher(id).matches()) {
                    headings.add(new Heading(h.getLevel(), id, textOf(h)));
                }
            }
        }).build().render(doc);
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString();
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"POTENTIAL_XML_INJECTION"},
            justification = "kind is one of LessonSource.CALLOUTS, names are escaped, text is Markdown-rendered; render() sanitizes the result with POLICY.")
    private static String callout(LessonSource.Callout c, Language language, String mediaBase, List<Heading> headings) {
        StringBuilder out = new StringBuilder("<aside class=\"sc-callout sc-callout-").append(c.kind()).append("\">");
        out.append("<div class=\"sc-callout-label\">").append(label(c.kind(), language)).append("</div>");
        if (c.kind().equals("dialogue")) {
            for (String line : c.text().split("\n")) {
                Matcher m = LessonSource.DIALOGUE_LINE.matcher(line.trim());
                if (!m.matches()) {
                    continue;
                }
                String role = m.group(1);
                String name = m.group(2) == null ? label(role, language) : escape(m.group(2));
                String said = markdown(m.group(3), mediaBase, null).replaceAll("^<p>|</p>\\s*$", "");
                out.append("<div class=\"sc-bubble sc-bubble-").append(role).append("\">")
                        .append("<span class=\"sc-speaker\">").append(name).append("</span>")
                        .append("<span class=\"sc-said\">").append(said).append("</span></div>");
            }
        } else {
            out.append(markdown(c.text(), mediaBase, headings));
        }
        return out.append("</aside>").toString();
    }

    /** A callout's or a speaker's label, from the message bundles ({@code lesson.callout.<kind>}). */
    static String label(String kind, Language language) {
        return escape(Messages.text(language.locale(), "lesson.callout." + kind));
    }

    /** The lesson's text without markup, for counting characters. */
    public static String plainText(List<LessonSource.Part> parts) {
        StringBuilder text = new StringBuilder();
        TextContentRenderer renderer = TextContentRenderer.builder().extensions(EXTENSIONS).build();
        for (LessonSource.Part part : parts) {
            if (part instanceof LessonSource.Markdown md) {
                text.append(renderer.render(PARSER.parse(md.text()))).append('\n');
            } else if (part instanceof LessonSource.Callout c) {
                String inner = c.kind().equals("dialogue")
                        ? c.text().replaceAll("(?m)^\\s*(customer|staff)(\\([^)]*\\))?\\s*[:：]", "") : c.text();
                text.append(renderer.render(PARSER.parse(inner))).append('\n');
            }
        }
        return text.toString();
    }

    public static int countChars(String plain) {
        return (int) plain.codePoints().filter(cp -> !Character.isWhitespace(cp)).count();
    }

    /** Problems the author must fix: raw HTML, unsafe links, images without alt text. Lines are file lines. */
    public static List<ContentProblem> check(String file, List<LessonSource.Part> parts) {
        List<ContentProblem> problems = new ArrayList<>();
        for (LessonSource.Part part : parts) {
            String text = part instanceof LessonSource.Markdown md ? md.text()
                    : part instanceof LessonSource.Callout c && !c.kind().equals("dialogue") ? c.text() : null;
            if (text == null) {
                if (part instanceof LessonSource.Callout c) {
                    checkSanitizerKeeps(file, c.line(), markdown(c.text().replaceAll("(?m)^\\s*(customer|staff)(\\([^)]*\\))?\\s*[:：]", ""), "", null), problems);
                }
                continue;
            }
            int base = part.line();
            Node doc = PARSER.parse(text);
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(HtmlBlock node) {
                    problems.add(ContentProblem.error(file, line(node, base), "raw HTML is not allowed in lessons (the sanitizer would remove it): "
                            + abbreviate(node.getLiteral())));
                }

                @Override
                public void visit(HtmlInline node) {
                    problems.add(ContentProblem.error(file, line(node, base), "raw HTML is not allowed in lessons (the sanitizer would remove it): "
                            + abbreviate(node.getLiteral())));
                }

                @Override
                public void visit(Link link) {
                    if (!SAFE_URL.matcher(link.getDestination()).matches()) {
                        problems.add(ContentProblem.error(file, line(link, base), "unsafe link target: " + abbreviate(link.getDestination())));
                    }
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    if (!SAFE_URL.matcher(image.getDestination()).matches()) {
                        problems.add(ContentProblem.error(file, line(image, base), "unsafe image source: " + abbreviate(image.getDestination())));
                    }
                    if (image.getFirstChild() == null) {
                        problems.add(ContentProblem.error(file, line(image, base), "an image needs alt text: ![what it shows](" + image.getDestination() + ")"));
                    }
                    visitChildren(image);
                }
            });
            checkSanitizerKeeps(file, base, HtmlRenderer.builder().extensions(EXTENSIONS).build().render(doc), problems);
        }
        return problems;
    }

    private static void checkSanitizerKeeps(String file, int line, String html, List<ContentProblem> problems) {
        List<String> removed = new ArrayList<>();
        POLICY.sanitize(html, new HtmlChangeListener<List<String>>() {
            @Override
            public void discardedTag(List<String> ctx, String elementName) {
                ctx.add("<" + elementName + ">");
            }

            @Override
            public void discardedAttributes(List<String> ctx, String tagName, String... attributeNames) {
                ctx.add(String.join(", ", attributeNames) + " on <" + tagName + ">");
            }
        }, removed);
        boolean alreadyReported = problems.stream().anyMatch(p -> p.file().equals(file) && p.line() >= line);
        if (!removed.isEmpty() && !alreadyReported) {
            problems.add(ContentProblem.error(file, line, "the sanitizer would remove " + String.join("; ", removed)));
        }
    }

    /** Media paths the lesson refers to (images and audio), with their lines. */
    public static List<Map.Entry<String, Integer>> mediaReferences(List<LessonSource.Part> parts) {
        List<Map.Entry<String, Integer>> refs = new ArrayList<>();
        for (LessonSource.Part part : parts) {
            if (part instanceof LessonSource.Embed e && e.kind().equals("audio")) {
                refs.add(Map.entry(e.target(), e.line()));
            } else if (part instanceof LessonSource.Markdown || part instanceof LessonSource.Callout) {
                String text = part instanceof LessonSource.Markdown md ? md.text() : ((LessonSource.Callout) part).text();
                int base = part.line();
                PARSER.parse(text).accept(new AbstractVisitor() {
                    @Override
                    public void visit(Image image) {
                        String d = image.getDestination();
                        if (!d.startsWith("http") && !d.startsWith("/")) {
                            refs.add(Map.entry(d, line(image, base)));
                        }
                    }
                });
            }
        }
        return refs;
    }

    private static int line(Node node, int base) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? base : base + spans.get(0).getLineIndex();
    }

    private static String abbreviate(String s) {
        String oneLine = s.strip().replace('\n', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
