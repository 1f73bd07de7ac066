package com.servicecraft.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Chart configurations go into an inline script: a label must never end or bend that script. */
class ChartJsonTest {
    private static final String HOSTILE = "</script><script>window.pwned=1</script><!-- a\u2028b\u2029 & c";

    @Test
    void everyChartEscapesWhatWouldEndTheScriptAndKeepsTheTextTheSame() throws Exception {
        List<String> charts = List.of(
                ChartJson.percentBars(List.of(HOSTILE), List.of(50.0), HOSTILE, true),
                ChartJson.countBars(List.of(HOSTILE), List.of(HOSTILE), List.of(List.of(3))),
                ChartJson.radar(List.of(HOSTILE), List.of(HOSTILE), List.of(List.of(2.0))));
        for (String json : charts) {
            assertFalse(json.contains("<"), json);
            assertFalse(json.contains(">"), json);
            assertFalse(json.contains("\u2028") || json.contains("\u2029"), json);
            JsonNode data = new ObjectMapper().readTree(json).get("data");
            assertEquals(HOSTILE, data.get("labels").get(0).asText());
            assertEquals(HOSTILE, data.get("datasets").get(0).get("label").asText());
        }
    }
}
