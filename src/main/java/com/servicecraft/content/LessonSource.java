package com.servicecraft.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson file split into its front matter and body, and the body into parts: plain Markdown,
 * callouts ({@code :::tip … :::}), exercise embeds ({@code [[exercise:id]]}) and audio
 * ({@code [[audio:media/x.mp3]]}). Every part knows the line it starts on.
 */
@edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = "REDOS",
        justification = "DIALOGUE_LINE is linear: each quantified part is followed by what it cannot match (\\s* then [:：], \\s* then \\S).")
public final class LessonSource {
    public static final Set<String> CALLOUTS = Set.of("tip", "example", "dialogue", "try", "warning");
    private static final Pattern OPEN = Pattern.compile("^:::([A-Za-z-]*)\\s*$");
    private static final Pattern EMBED = Pattern.compile("^\\[\\[(exercise|audio):([^\\]]+)]]\\s*$");
    static final Pattern DIALOGUE_LINE = Pattern.compile("^(customer|staff)(?:\\(([^)]*)\\))?\\s*[:：]\\s*(\\S.*)$");

    public sealed interface Part permits Markdown, Callout, Embed {
        int line();
    }

    public record Markdown(String text, int line) implements Part {
    }

    public record Callout(String kind, String text, int line) implements Part {
    }

    public record Embed(String kind, String target, int line) implements Part {
    }

    private final String frontMatter;
    private final int frontMatterLine;
    private final List<Part> parts;
    private final String body;
    private final int bodyLine;

    private LessonSource(String frontMatter, int frontMatterLine, String body, int bodyLine, List<Part> parts) {
        this.frontMatter = frontMatter;
        this.frontMatterLine = frontMatterLine;
        this.body = body;
        this.bodyLine = bodyLine;
        this.parts = parts;
    }

    public static LessonSource parse(String file, String text) throws ContentException {
        String normalized = text.replace("\r\n", "\n").replace("\uFEFF", "");
        String[] lines = normalized.split("\n", -1);
        if (lines.length < 3 || !lines[0].trim().equals("---")) {
            throw new ContentException(ContentProblem.error(file, 1, "a lesson starts with front matter between --- lines (id, title, minutes)"));
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].trim().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new ContentException(ContentProblem.error(file, 1, "the front matter is not closed with a --- line"));
        }
        String fm = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
        List<String> bodyLines = List.of(lines).subList(end + 1, lines.length);
        int firstBodyLine = end + 2;
        return new LessonSource(fm, 2, String.join("\n", bodyLines), firstBodyLine, split(file, bodyLines, firstBodyLine));
    }

    private static List<Part> split(String file, List<String> lines, int firstLine) throws ContentException {
        List<Part> parts = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        int mdLine = firstLine;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int lineNo = firstLine + i;
            Matcher open = OPEN.matcher(line);
            Matcher embed = EMBED.matcher(line.trim());
            if (open.matches()) {
                String kind = open.group(1);
                if (kind.isEmpty()) {
                    throw new ContentException(ContentProblem.error(file, lineNo, "a ::: line closes a callout that was never opened"));
                }
                if (!CALLOUTS.contains(kind)) {
                    throw new ContentException(ContentProblem.error(file, lineNo,
                            "unknown callout :::" + kind + " (use tip, example, dialogue, try or warning)"));
                }
                flush(parts, md, mdLine);
                StringBuilder inner = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).trim().equals(":::")) {
                    if (OPEN.matcher(lines.get(j)).matches() && !lines.get(j).trim().equals(":::")) {
                        throw new ContentException(ContentProblem.error(file, firstLine + j, "callouts cannot be nested; close :::" + kind + " first"));
                    }
                    inner.append(lines.get(j)).append('\n');
                    j++;
                }
                if (j >= lines.size()) {
                    throw new ContentException(ContentProblem.error(file, lineNo, ":::" + kind + " is never closed with a ::: line"));
                }
                if (kind.equals("dialogue")) {
                    checkDialogue(file, inner.toString(), lineNo + 1);
                }
                parts.add(new Callout(kind, inner.toString(), lineNo + 1));
                i = j + 1;
                mdLine = firstLine + i;
            } else if (embed.matches()) {
                flush(parts, md, mdLine);
                parts.add(new Embed(embed.group(1), embed.group(2).trim(), lineNo));
                i++;
                mdLine = firstLine + i;
            } else {
                if (md.isEmpty()) {
                    mdLine = lineNo;
                }
                md.append(line).append('\n');
                i++;
            }
        }
        flush(parts, md, mdLine);
        return List.copyOf(parts);
    }

    private static void checkDialogue(String file, String text, int firstLine) throws ContentException {
        String[] lines = text.split("\n");
        for (int k = 0; k < lines.length; k++) {
            if (!lines[k].isBlank() && !DIALOGUE_LINE.matcher(lines[k].trim()).matches()) {
                throw new ContentException(ContentProblem.error(file, firstLine + k,
                        "a dialogue line starts with customer: or staff: (optionally customer(Name):)"));
            }
        }
    }

    private static void flush(List<Part> parts, StringBuilder md, int line) {
        if (!md.toString().isBlank()) {
            parts.add(new Markdown(md.toString(), line));
        }
        md.setLength(0);
    }

    public String frontMatter() {
        return frontMatter;
    }

    public int frontMatterLine() {
        return frontMatterLine;
    }

    public List<Part> parts() {
        return parts;
    }

    public String body() {
        return body;
    }

    public int bodyLine() {
        return bodyLine;
    }
}
