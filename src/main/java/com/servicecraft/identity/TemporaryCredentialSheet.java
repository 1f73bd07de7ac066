package com.servicecraft.identity;

import com.servicecraft.shared.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The temporary passwords just issued, as a CSV the administrator downloads once to hand them out:
 * UTF-8 with a byte-order mark (Excel and Chinese), RFC 4180, every text cell neutralized against
 * formula injection ({@link SpreadsheetText}).
 */
public final class TemporaryCredentialSheet {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TemporaryCredentialSheet() {
    }

    /**
     * @param headers the five column titles in the reader's language: user name, employee number,
     *                name, temporary password, valid until
     */
    public static void write(List<TemporaryCredential> credentials, List<String> headers, ZoneId zone, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
            printer.printRecord(headers.stream().map(SpreadsheetText::neutralize).toList());
            for (TemporaryCredential c : credentials) {
                printer.printRecord(SpreadsheetText.neutralize(c.username()), SpreadsheetText.neutralize(c.employeeNumber()),
                        SpreadsheetText.neutralize(c.displayName()), SpreadsheetText.neutralize(c.password()),
                        WHEN.format(c.expiresAt().atZone(zone)));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
