package com.servicecraft.reporting.export;

import com.servicecraft.shared.SpreadsheetText;
import com.servicecraft.reporting.CompletionRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Completion records as CSV: UTF-8 with a byte-order mark (so Excel opens Chinese correctly),
 * RFC 4180 (CRLF, quotes where needed, multi-line text safe), text cells neutralized against
 * formula injection. Rows are written as they arrive; nothing is held.
 */
public final class CsvCompletionWriter implements Consumer<CompletionRecord>, AutoCloseable {
    private final CSVPrinter printer;
    private final CompletionColumns.Words words;
    private final List<String> row = new ArrayList<>(CompletionColumns.ALL.size());

    public CsvCompletionWriter(OutputStream out, List<String> headers, CompletionColumns.Words words) {
        this.words = words;
        try {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            w.write('\uFEFF');
            printer = new CSVPrinter(w, CSVFormat.RFC4180);
            printer.printRecord(headers.stream().map(SpreadsheetText::neutralize).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(CompletionRecord r) {
        row.clear();
        for (CompletionColumns.Column c : CompletionColumns.ALL) {
            String text = CompletionColumns.text(c, r, words);
            boolean isNumber = c.kind() == CompletionColumns.Kind.NUMBER || c.kind() == CompletionColumns.Kind.INTEGER;
            row.add(isNumber ? text : SpreadsheetText.neutralize(text));
        }
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; the caller closes the stream. */
    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
