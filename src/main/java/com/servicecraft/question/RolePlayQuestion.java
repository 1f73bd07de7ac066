package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A branching conversation: the customer speaks (a node), the trainee picks a response (an
 * option), which adds points to rubric dimensions and leads to the next node, until an end node.
 */
public record RolePlayQuestion(String id, QuestionInfo info, LocalizedText scenario, List<String> dimensions,
                               String start, List<Node> nodes) implements Question {

    public record Node(String id, LocalizedText customer, List<Response> options, boolean end, LocalizedText outcome)
            implements Serializable {
        public Node {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Optional<Response> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }
    }

    public record Response(String id, LocalizedText text, String next, Map<String, Integer> scores, LocalizedText feedback)
            implements Serializable {
        public Response {
            scores = scores == null ? Map.of() : Map.copyOf(scores);
        }

        public int score(String dimension) {
            return scores.getOrDefault(dimension, 0);
        }
    }

    @JsonCreator
    static RolePlayQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                                        @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                                        @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                                        @JsonProperty("distractor") LocalizedText distractor,
                                        @JsonProperty("scenario") LocalizedText scenario, @JsonProperty("dimensions") List<String> dimensions,
                                        @JsonProperty("start") String start, @JsonProperty("nodes") List<Node> nodes) {
        return new RolePlayQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor),
                scenario, List.copyOf(dimensions), start, List.copyOf(nodes));
    }

    public Optional<Node> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    @Override
    public String typeName() {
        return "role-play";
    }

    @Override
    public boolean checkable() {
        return false;
    }
}
