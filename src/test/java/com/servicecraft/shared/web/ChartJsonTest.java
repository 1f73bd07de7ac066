package com.servicecraft.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chart configurations go into an inline script: a label must never end or bend that script. Every
 * chart carries its figures as a table (its text alternative), and pages show charts only through
 * the fragment that renders that table.
 */
class ChartJsonTest {
    private static final String HOSTILE = "</script><script>window.pwned=1</script><!-- a\u2028b\u2029 & c";

    @Test
    void everyChartEscapesWhatWouldEndTheScriptAndKeepsTheTextTheSame() throws Exception {
        List<Chart> charts = List.of(
                ChartJson.percentBars("t", List.of(HOSTILE), List.of(50.0), HOSTILE, true),
                ChartJson.countBars("t", List.of(HOSTILE), List.of(HOSTILE), List.of(List.of(3))),
                ChartJson.radar("t", List.of(HOSTILE), List.of(HOSTILE), List.of(List.of(2.0))));
        for (Chart chart : charts) {
            String json = chart.getJson();
            assertFalse(json.contains("<"), json);
            assertFalse(json.contains(">"), json);
            assertFalse(json.contains("\u2028") || json.contains("\u2029"), json);
            JsonNode data = new ObjectMapper().readTree(json).get("data");
            assertEquals(HOSTILE, data.get("labels").get(0).asText());
            assertEquals(HOSTILE, data.get("datasets").get(0).get("label").asText());
        }
    }

    @Test
    void everyChartHasItsFiguresAsATable() {
        Chart bars = ChartJson.percentBars("Completed per module", List.of("礼仪", "倾听"), List.of(50.0, 12.5), "Completed %", true);
        assertEquals("Completed per module", bars.getTitle());
        assertEquals(List.of("", "Completed %"), bars.getColumns());
        assertEquals(List.of(List.of("礼仪", "50 %"), List.of("倾听", "12.5 %")), bars.getRows());

        Chart counts = ChartJson.countBars("Scores", List.of("0–9", "10–19"), List.of("Post-test", "Quizzes"),
                List.of(List.of(1, 2), List.of(3, 4)));
        assertEquals(List.of("", "Post-test", "Quizzes"), counts.getColumns());
        assertEquals(List.of(List.of("0–9", "1", "3"), List.of("10–19", "2", "4")), counts.getRows());

        Chart radar = ChartJson.radar("Self-assessment", List.of("谦卑", "耐心"), List.of("Start", "End"),
                List.of(List.of(2.0, 3.0), Arrays.asList(4.0, null)));
        assertEquals(List.of(List.of("谦卑", "2", "4"), List.of("耐心", "3", "—")), radar.getRows());
    }

    /** Chart.js draws 12 px labels by default: the radar's point labels are as large as body text. */
    @Test
    void theRadarsLabelsAreReadable() throws Exception {
        JsonNode options = new ObjectMapper().readTree(ChartJson.radar("t", List.of("a"), List.of("s"), List.of(List.of(1.0))).getJson())
                .get("options");
        assertTrue(options.at("/scales/r/pointLabels/font/size").asInt() >= 15, options.toString());
        assertFalse(options.get("maintainAspectRatio").asBoolean(), "the chart fills its (tall) box");
    }

    /** A {@code <p:chart>} anywhere but in the chart fragment would show a picture without its table. */
    @Test
    void pagesShowChartsOnlyThroughTheFragmentWithTheTable() throws IOException {
        List<String> bare = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/webapp")), Files.walk(Path.of("WEB-INF-templates")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                if (Files.readString(f).contains("<p:chart") && !f.endsWith(Path.of("fragments", "chart.xhtml"))) {
                    bare.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), bare);
        String fragment = Files.readString(Path.of("WEB-INF-templates/fragments/chart.xhtml"));
        assertTrue(fragment.contains("chart.rows") && fragment.contains("<table"), "the fragment renders the figures as a table");
    }
}
