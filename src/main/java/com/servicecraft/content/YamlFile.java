package com.servicecraft.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.List;

/**
 * A parsed YAML text that remembers where everything stands, so that a problem found at a
 * path such as {@code questions[3].options} can be reported with its line number.
 */
public final class YamlFile {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String name;
    private final JsonNode tree;
    private final Node positions;
    private final int lineOffset;

    private YamlFile(String name, JsonNode tree, Node positions, int lineOffset) {
        this.name = name;
        this.tree = tree;
        this.positions = positions;
        this.lineOffset = lineOffset;
    }

    /** Parses YAML; bad YAML is reported as a problem with the line where the parser stopped. */
    public static YamlFile parse(String name, String text, int lineOffset) throws ContentException {
        try {
            JsonNode tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new ContentException(ContentProblem.error(name, 1 + lineOffset, "the file is empty"));
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node node = new Yaml(options).compose(new StringReader(text));
            return new YamlFile(name, tree, node, lineOffset);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            throw new ContentException(ContentProblem.error(name, line + lineOffset, "invalid YAML: " + e.getOriginalMessage()));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ContentException(ContentProblem.error(name, line + lineOffset, "invalid YAML: " + e.getProblem()));
        }
    }

    public String name() {
        return name;
    }

    public JsonNode tree() {
        return tree;
    }

    /** The 1-based line of the node at the given path (names and indexes); the nearest existing parent otherwise. */
    public int lineOf(List<Object> path) {
        Node current = positions;
        for (Object segment : path) {
            Node next = child(current, segment);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current == null ? 1 + lineOffset : current.getStartMark().getLine() + 1 + lineOffset;
    }

    public int lineOf(Object... path) {
        return lineOf(List.of(path));
    }

    public ContentProblem error(String message, Object... path) {
        return ContentProblem.error(name, lineOf(path), message);
    }

    private static Node child(Node node, Object segment) {
        if (node instanceof MappingNode map && segment instanceof String key) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode seq && segment instanceof Integer i && i < seq.getValue().size()) {
            return seq.getValue().get(i);
        }
        return null;
    }
}
