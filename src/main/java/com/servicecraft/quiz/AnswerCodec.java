package com.servicecraft.quiz;

import com.servicecraft.question.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stores answers as small JSON documents ({@code {"choices":["a"]}}, {@code {"text":"…"}}, …) and reads them back. */
public final class AnswerCodec {
    static final ObjectMapper JSON = new ObjectMapper();

    private AnswerCodec() {
    }

    public static String write(Answer a) {
        ObjectNode n = JSON.createObjectNode();
        if (a instanceof Answer.Choices c) {
            c.ids().stream().sorted().forEach(n.putArray("choices")::add);
        } else if (a instanceof Answer.Bool b) {
            n.put("value", b.value());
        } else if (a instanceof Answer.Matches m) {
            ObjectNode pairs = n.putObject("matches");
            m.leftToRight().forEach(pairs::put);
        } else if (a instanceof Answer.Order o) {
            o.ids().forEach(n.putArray("order")::add);
        } else if (a instanceof Answer.Inference i) {
            n.put("inference", i.value());
        } else if (a instanceof Answer.Text t) {
            n.put("text", t.text());
        } else if (a instanceof Answer.Ratings r) {
            ObjectNode ratings = n.putObject("ratings");
            r.ratings().forEach(ratings::put);
        } else if (a instanceof Answer.Path p) {
            p.choices().forEach(n.putArray("path")::add);
        }
        return n.toString();
    }

    public static Answer read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (n.has("choices")) {
                Set<String> ids = new LinkedHashSet<>();
                n.get("choices").forEach(v -> ids.add(v.asText()));
                return new Answer.Choices(ids);
            } else if (n.has("value")) {
                return new Answer.Bool(n.get("value").asBoolean());
            } else if (n.has("matches")) {
                Map<String, String> m = new LinkedHashMap<>();
                n.get("matches").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
                return new Answer.Matches(m);
            } else if (n.has("order")) {
                List<String> ids = new ArrayList<>();
                n.get("order").forEach(v -> ids.add(v.asText()));
                return new Answer.Order(ids);
            } else if (n.has("inference")) {
                return new Answer.Inference(n.get("inference").asText());
            } else if (n.has("text")) {
                return new Answer.Text(n.get("text").asText());
            } else if (n.has("ratings")) {
                Map<String, Integer> m = new LinkedHashMap<>();
                n.get("ratings").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
                return new Answer.Ratings(m);
            } else if (n.has("path")) {
                List<String> ids = new ArrayList<>();
                n.get("path").forEach(v -> ids.add(v.asText()));
                return new Answer.Path(ids);
            }
            return null;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable stored answer", e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
