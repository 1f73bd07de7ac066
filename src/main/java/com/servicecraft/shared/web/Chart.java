package com.servicecraft.shared.web;

import java.io.Serializable;
import java.util.List;

/**
 * A chart as the page shows it: the Chart.js configuration for {@code <p:chart>} and the same
 * figures as a table (a column of labels, one column per series), which
 * {@code fragments/chart.xhtml} puts under the canvas as the chart's text alternative. Both are
 * built from one set of labels and values by {@link ChartJson}, so the table cannot tell another
 * story than the picture.
 */
public final class Chart implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String json;
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows;

    Chart(String json, String title, List<String> columns, List<List<String>> rows) {
        this.json = json;
        this.title = title;
        this.columns = List.copyOf(columns);
        this.rows = rows.stream().map(List::copyOf).toList();
    }

    /** The Chart.js configuration, safe inside a {@code <script>} element. */
    public String getJson() {
        return json;
    }

    /** What the chart shows: its accessible name and the table's caption. */
    public String getTitle() {
        return title;
    }

    /** The table's header: the labels' column (empty heading) then one column per series. */
    public List<String> getColumns() {
        return columns;
    }

    /** One row per label: the label, then each series' value as shown ("—" where there is none). */
    public List<List<String>> getRows() {
        return rows;
    }
}
