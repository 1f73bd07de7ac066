package com.servicecraft.assignment;

import com.servicecraft.shared.UserInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A list of employee numbers to add to a group, from CSV (UTF-8) or XLSX: the column headed
 * {@code employee_number} (or 工号), or else the first column. A trainee import file works as it is.
 */
public final class EmployeeNumberFile {
    public static final int MAX_ROWS = 5000;
    private static final Set<String> HEADERS = Set.of("employee_number", "employee number", "工号", "员工编号");

    /** One employee number and the line it came from (1-based, as a spreadsheet shows it). */
    public record Line(int line, String employeeNumber) {
    }

    private EmployeeNumberFile() {
    }

    public static List<Line> read(String fileName, InputStream in) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> rows;
        if (name.endsWith(".csv")) {
            rows = csv(in);
        } else if (name.endsWith(".xlsx")) {
            rows = xlsx(in);
        } else {
            throw new UserInputException("import.unsupportedFile");
        }
        int column = 0;
        int first = 0;
        if (!rows.isEmpty()) {
            List<String> header = rows.get(0);
            for (int i = 0; i < header.size(); i++) {
                if (HEADERS.contains(header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))) {
                    column = i;
                    first = 1;
                    break;
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String value = column < row.size() ? row.get(column).trim() : "";
            if (!value.isEmpty()) {
                lines.add(new Line(r + 1, value));
            }
        }
        if (lines.isEmpty()) {
            throw new UserInputException("import.empty");
        }
        if (lines.size() > MAX_ROWS) {
            throw new UserInputException("import.tooManyRows", MAX_ROWS);
        }
        return lines;
    }

    private static List<List<String>> csv(InputStream in) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            for (CSVRecord r : parser) {
                rows.add(r.toList());
                if (rows.size() > MAX_ROWS + 1) {
                    throw new UserInputException("import.tooManyRows", MAX_ROWS);
                }
            }
        }
        return rows;
    }

    private static List<List<String>> xlsx(InputStream in) throws IOException {
        try (Workbook wb = new XSSFWorkbook(in)) {
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                }
                rows.add(cells);
                if (rows.size() > MAX_ROWS + 1) {
                    throw new UserInputException("import.tooManyRows", MAX_ROWS);
                }
            }
            return rows;
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new UserInputException("import.unreadableFile");
        }
    }
}
