package com.servicecraft.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Charts for PrimeFaces' {@code <p:chart value="…">}: the Chart.js configuration built as JSON (no script in
 * pages) and, from the same figures, the table that {@code fragments/chart.xhtml} shows as its text alternative.
 * PrimeFaces writes the value verbatim into an inline {@code <script>}, so every configuration leaves here
 * through {@link #forScript}: labels come from users (department names, module titles).
 */
public final class ChartJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartJson() {
    }

    /** A bar chart of percentages (0–100), one dataset named {@code label}; {@code title} names the chart. */
    public static Chart percentBars(String title, List<String> labels, List<Double> values, String label, boolean horizontal) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "bar");
        ObjectNode data = root.putObject("data");
        labels.forEach(data.putArray("labels")::add);
        ObjectNode ds = data.putArray("datasets").addObject();
        ds.put("label", label);
        ArrayNode v = ds.putArray("data");
        values.forEach(v::add);
        ds.put("backgroundColor", "rgba(21,101,192,0.7)");
        ObjectNode options = root.putObject("options");
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        ObjectNode scales = options.putObject("scales");
        ObjectNode axis = scales.putObject(horizontal ? "x" : "y");
        axis.put("min", 0);
        axis.put("max", 100);
        // Every module's name, even when the bars are close together.
        scales.putObject(horizontal ? "y" : "x").putObject("ticks").put("autoSkip", false);
        return new Chart(forScript(root.toString()), title, List.of("", label), table(labels, List.of(values), ChartJson::percent));
    }

    /** A bar chart of counts (a histogram), one dataset per series, whole-number axis from 0. */
    public static Chart countBars(String title, List<String> labels, List<String> seriesNames, List<List<Integer>> series) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "bar");
        ObjectNode data = root.putObject("data");
        labels.forEach(data.putArray("labels")::add);
        ArrayNode sets = data.putArray("datasets");
        String[] colors = {"rgba(21,101,192,0.7)", "rgba(230,126,34,0.7)", "rgba(46,125,50,0.7)"};
        for (int i = 0; i < series.size(); i++) {
            ObjectNode ds = sets.addObject();
            ds.put("label", seriesNames.get(i));
            ArrayNode v = ds.putArray("data");
            series.get(i).forEach(v::add);
            ds.put("backgroundColor", colors[i % colors.length]);
        }
        ObjectNode options = root.putObject("options");
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        ObjectNode y = options.putObject("scales").putObject("y");
        y.put("beginAtZero", true);
        y.putObject("ticks").put("precision", 0);
        return new Chart(forScript(root.toString()), title, columns(seriesNames), table(labels, series, String::valueOf));
    }

    /**
     * A radar chart with one dataset per round (e.g. course start and course end), scale 0–5, with
     * point labels large enough to read (Chart.js draws 12 px by default, too small beside body text).
     */
    public static Chart radar(String title, List<String> labels, List<String> seriesNames, List<List<Double>> series) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "radar");
        ObjectNode data = root.putObject("data");
        labels.forEach(data.putArray("labels")::add);
        ArrayNode sets = data.putArray("datasets");
        String[] colors = {"rgba(142,154,171,0.35)", "rgba(21,101,192,0.35)"};
        for (int i = 0; i < series.size(); i++) {
            ObjectNode ds = sets.addObject();
            ds.put("label", seriesNames.get(i));
            ArrayNode v = ds.putArray("data");
            series.get(i).forEach(x -> {
                if (x == null) {
                    v.addNull();
                } else {
                    v.add(x);
                }
            });
            ds.put("backgroundColor", colors[i % colors.length]);
        }
        ObjectNode options = root.putObject("options");
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.putObject("plugins").putObject("legend").putObject("labels").putObject("font").put("size", 15);
        ObjectNode r = options.putObject("scales").putObject("r");
        r.put("min", 0);
        r.put("max", 5);
        ObjectNode ticks = r.putObject("ticks");
        ticks.put("stepSize", 1);
        ticks.putObject("font").put("size", 13);
        ObjectNode pointLabels = r.putObject("pointLabels");
        pointLabels.put("color", "#1f2933");
        pointLabels.putObject("font").put("size", 16);
        return new Chart(forScript(root.toString()), title, columns(seriesNames), table(labels, series, ChartJson::number));
    }

    private static List<String> columns(List<String> seriesNames) {
        List<String> columns = new ArrayList<>();
        columns.add("");
        columns.addAll(seriesNames);
        return columns;
    }

    private static <T> List<List<String>> table(List<String> labels, List<List<T>> series, Function<T, String> shown) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(labels.get(i));
            for (List<T> s : series) {
                T v = i < s.size() ? s.get(i) : null;
                row.add(v == null ? "—" : shown.apply(v));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String percent(Double v) {
        return number(v) + " %";
    }

    private static String number(Double v) {
        return v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * JSON that is safe inside an HTML {@code <script>} element: {@code <}, {@code >}, {@code &}, U+2028 and
     * U+2029 become JSON unicode escapes, so neither {@code </script>} nor {@code <!--} can end or bend the
     * script (and older JavaScript, which ends a line at U+2028, still parses it). These characters can only
     * occur inside JSON strings, where the escapes mean the same text.
     */
    public static String forScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
