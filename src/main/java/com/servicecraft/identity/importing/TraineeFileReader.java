package com.servicecraft.identity.importing;

import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.upload.TableFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a trainee list from CSV (UTF-8, with or without BOM) or XLSX ({@link TableFile}). The first row
 * names the columns, in English or Chinese; their order is free.
 */
public final class TraineeFileReader {
    public static final int MAX_ROWS = 5000;
    static final Map<String, String> HEADERS = headers();

    private TraineeFileReader() {
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        String[][] names = {
                {"employee_number", "employee number", "工号", "员工编号"},
                {"display_name", "name", "姓名"},
                {"email", "e-mail", "邮箱", "电子邮件"},
                {"department", "部门"},
                {"job_title", "job title", "职位", "岗位"},
                {"language", "语言"},
                {"username", "user name", "用户名"}};
        for (String[] group : names) {
            for (String n : group) {
                h.put(n, group[0]);
            }
        }
        return h;
    }

    public static List<ImportRow> read(String fileName, InputStream in) throws IOException {
        return toRows(TableFile.read(fileName, in, MAX_ROWS, TableFile.BlankRows.SKIP));
    }

    private static List<ImportRow> toRows(List<List<String>> rows) {
        if (rows.isEmpty()) {
            throw new UserInputException("import.empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String key = HEADERS.get(header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
            if (key != null) {
                columns.putIfAbsent(key, i);
            }
        }
        for (String required : List.of("employee_number", "display_name", "email")) {
            if (!columns.containsKey(required)) {
                throw new UserInputException("import.missingColumn", required);
            }
        }
        List<ImportRow> result = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            result.add(new ImportRow(i + 1, cell(r, columns, "employee_number"), cell(r, columns, "display_name"),
                    cell(r, columns, "email"), cell(r, columns, "department"), cell(r, columns, "job_title"),
                    cell(r, columns, "language"), cell(r, columns, "username")));
        }
        if (result.isEmpty()) {
            throw new UserInputException("import.empty");
        }
        return result;
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= row.size() ? null : row.get(i);
    }
}
