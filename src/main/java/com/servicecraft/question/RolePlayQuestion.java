package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** Decided turn by turn, saved through the page. */
    @Override
    public boolean checkable() {
        return false;
    }

    @Override
    public List<String> contentProblems(boolean inListeningGame) {
        return RolePlayGraph.problems(this);
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        return new Presentation(List.of(), List.of(), List.of(), List.of(), scenario.in(lang), 0);
    }

    /** The responses chosen so far, from the start node on. */
    @Override
    public Answer read(PageInput in) {
        return new Answer.Path(in.values());
    }

    @Override
    public boolean autosaved() {
        return false;
    }

    @Override
    public boolean complete(Answer a) {
        return a != null;
    }

    /** Answered once the conversation has reached an end. */
    @Override
    public boolean answeredOnPage(Answer current, boolean saved) {
        return current instanceof Answer.Path p && converse(p.choices(), Language.EN).over();
    }

    @Override
    public Conversation converse(List<String> chosen, Language lang) {
        List<Turn> transcript = new ArrayList<>();
        Node node = node(start).orElseThrow();
        for (String choice : chosen) {
            Response r = node.option(choice).orElse(null);
            if (r == null) {
                break;
            }
            transcript.add(new Turn(node.customer().in(lang), r.text().in(lang)));
            node = node(r.next()).orElseThrow();
        }
        return new Conversation(transcript, node.customer().in(lang), node.end(),
                node.end() && node.outcome() != null ? node.outcome().in(lang) : null,
                node.options().stream().map(o -> new Opt(o.id(), o.text().in(lang))).toList());
    }

    @Override
    public boolean fits(Answer a) {
        if (!(a instanceof Answer.Path p)) {
            return false;
        }
        Node node = node(start).orElseThrow();
        for (String c : p.choices()) {
            if (node.end()) {
                return false;
            }
            var option = node.option(c);
            if (option.isEmpty()) {
                return false;
            }
            node = node(option.get().next()).orElseThrow();
        }
        return true;
    }

    /**
     * Replays the path: per rubric dimension, the points of the chosen options divided by what the
     * best response (highest total) at each visited node would have earned, capped at 100%, so the
     * ideal path scores 100% everywhere. The item's fraction is the mean over the dimensions that
     * could score at all. An unfinished conversation counts the missing decisions as zero.
     */
    @Override
    public Grade grade(Answer a) {
        List<String> choices = a instanceof Answer.Path p ? p.choices() : List.of();
        Map<String, int[]> sums = new LinkedHashMap<>();
        dimensions.forEach(d -> sums.put(d, new int[2]));
        List<Map<String, Object>> steps = new ArrayList<>();
        Node node = node(start).orElseThrow();
        int i = 0;
        while (!node.end()) {
            String choice = i < choices.size() ? choices.get(i) : null;
            Response chosen = choice == null ? null : node.option(choice).orElse(null);
            Response best = best(node);
            for (String d : dimensions) {
                sums.get(d)[1] += best.score(d);
                sums.get(d)[0] += chosen == null ? 0 : chosen.score(d);
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("node", node.id());
            step.put("chosen", chosen == null ? null : chosen.id());
            step.put("best", best.id());
            steps.add(step);
            if (chosen == null) {
                break;
            }
            node = node(chosen.next()).orElseThrow();
            i++;
        }
        Map<String, Double> perDimension = new LinkedHashMap<>();
        sums.forEach((d, s) -> {
            if (s[1] > 0) {
                perDimension.put(d, Math.min(1.0, (double) s[0] / s[1]));
            }
        });
        double fraction = perDimension.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("dimensions", perDimension);
        detail.put("steps", steps);
        detail.put("end", node.end() ? node.id() : null);
        return Grade.of(fraction, detail);
    }

    private Response best(Node node) {
        return node.options().stream().max((x, y) -> Integer.compare(total(x), total(y))).orElseThrow();
    }

    private int total(Response r) {
        return dimensions.stream().mapToInt(r::score).sum();
    }

    @Override
    public String reviewPrompt(Language lang) {
        return scenario.in(lang);
    }

    /** The path is shown by {@link #reviewExtras}, not as one text. */
    @Override
    public String describe(Answer a, Language lang) {
        return null;
    }

    @Override
    public ReviewExtras reviewExtras(Answer a, Review allowed, Language lang) {
        List<String> choices = a instanceof Answer.Path p ? p.choices() : List.of();
        List<PathStep> path = allowed.responses() ? path(choices, lang, allowed.explanations(), allowed.answers()) : List.of();
        Grade g = grade(a);
        @SuppressWarnings("unchecked")
        Map<String, Double> dims = (Map<String, Double>) g.detail().get("dimensions");
        Object end = g.detail().get("end");
        String outcome = end == null || !allowed.explanations() ? null
                : node(end.toString()).map(n -> n.outcome() == null ? null : n.outcome().in(lang)).orElse(null);
        return new ReviewExtras(path, allowed.correctness() ? dims : Map.of(), outcome);
    }

    private List<PathStep> path(List<String> choices, Language lang, boolean explain, boolean key) {
        List<PathStep> steps = new ArrayList<>();
        Node node = node(start).orElseThrow();
        for (String choice : choices) {
            Response chosen = node.option(choice).orElse(null);
            if (chosen == null || node.end()) {
                break;
            }
            Response best = best(node);
            boolean better = total(best) > total(chosen);
            steps.add(new PathStep(node.customer().in(lang), chosen.text().in(lang),
                    explain ? chosen.feedback().in(lang) : null,
                    key && better ? best.text().in(lang) : null, key && explain && better ? best.feedback().in(lang) : null));
            node = node(chosen.next()).orElseThrow();
        }
        return steps;
    }
}
