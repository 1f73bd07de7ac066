package com.servicecraft.assignment;

import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.upload.TableFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A list of employee numbers to add to a group, from CSV (UTF-8) or XLSX ({@link TableFile}): the column headed
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
        List<List<String>> rows = TableFile.read(fileName, in, MAX_ROWS, TableFile.BlankRows.KEEP);
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
}
