package com.servicecraft.shared.upload;

import com.servicecraft.shared.UserInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * An uploaded table (CSV in UTF-8, with or without BOM, or the first sheet of an XLSX) read into rows
 * of cell texts. Whatever a person uploads ends here as rows or as a {@link UserInputException} with a
 * message for them, never anything else: a file of another kind renamed, a zip bomb, broken quotes,
 * another encoding, too many rows. The one reader behind every upload (trainee import, group members).
 */
public final class TableFile {
    /** The largest a part of an XLSX may unpack to; a sheet of {@code maxRows} rows is far smaller. */
    public static final long MAX_XLSX_PART_BYTES = 16L * 1024 * 1024;
    /** A part packed more than 100:1 is not a spreadsheet someone made (POI's default is the same). */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_XLSX_PART_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_XLSX_PART_BYTES);
    }

    public enum BlankRows { KEEP, SKIP }

    private TableFile() {
    }

    /**
     * The rows of the file, the header row included. At most {@code maxRows} rows after the header,
     * blank rows skipped or kept (kept: a row's index + 1 is its line in a spreadsheet).
     */
    public static List<List<String>> read(String fileName, InputStream in, int maxRows, BlankRows blank) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return csv(in, maxRows, blank);
        }
        if (name.endsWith(".xlsx")) {
            return xlsx(in, maxRows, blank);
        }
        throw new UserInputException("import.unsupportedFile");
    }

    private static List<List<String>> csv(InputStream in, int maxRows, BlankRows blank) throws IOException {
        // Strict UTF-8: a file saved in another encoding (GBK from Chinese Excel) is refused, not garbled.
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        List<List<String>> rows = new ArrayList<>();
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(blank == BlankRows.SKIP).get().parse(reader)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    CSVRecord r;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        r = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        if (e.getCause() instanceof CharacterCodingException) {
                            throw (CharacterCodingException) e.getCause();
                        }
                        // An opened quote that is never closed, or text right after a closing quote.
                        throw new UserInputException("import.malformedCsv", parser.getCurrentLineNumber());
                    }
                    rows.add(r.toList());
                    if (rows.size() > maxRows + 1) {
                        throw new UserInputException("import.tooManyRows", maxRows);
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw new UserInputException("import.notUtf8");
        }
        return rows;
    }

    private static List<List<String>> xlsx(InputStream in, int maxRows, BlankRows blank) throws IOException {
        Workbook wb;
        try {
            wb = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        try (wb) {
            Sheet sheet = wb.getSheetAt(0);
            if (sheet.getLastRowNum() > maxRows + 1 && blank == BlankRows.KEEP) {
                throw new UserInputException("import.tooManyRows", maxRows);
            }
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                }
                if (blank == BlankRows.SKIP) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                } else {
                    while (rows.size() < row.getRowNum()) {
                        rows.add(List.of());
                    }
                }
                rows.add(cells);
                if (rows.size() > maxRows + 1) {
                    throw new UserInputException("import.tooManyRows", maxRows);
                }
            }
            return rows;
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** POI's zip-bomb guard says so in its message; anything else it cannot open is "not a spreadsheet". */
    private static UserInputException unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("Zip bomb")) {
                return new UserInputException("import.zipBomb", MAX_XLSX_PART_BYTES / (1024 * 1024));
            }
        }
        return new UserInputException("import.unreadableFile");
    }
}
