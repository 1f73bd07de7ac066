package com.servicecraft.assignment;

import com.servicecraft.shared.UserInputException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Employee-number lists from CSV and XLSX: the headed column or the first one, with spreadsheet line numbers. */
class EmployeeNumberFileTest {

    @Test
    void aTraineeImportFileWorksAsItIs() throws Exception {
        String csv = "\uFEFFdisplay_name,employee_number,email\nWang,E1,w@example.com\n,,\nLi,E2,l@example.com\n";
        List<EmployeeNumberFile.Line> lines = EmployeeNumberFile.read("x.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new EmployeeNumberFile.Line(2, "E1"), new EmployeeNumberFile.Line(4, "E2")), lines);
    }

    @Test
    void aBareXlsxColumnOfNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet();
            s.createRow(0).createCell(0).setCellValue("E0001");
            s.createRow(2).createCell(0).setCellValue(1234);
            wb.write(out);
        }
        List<EmployeeNumberFile.Line> lines = EmployeeNumberFile.read("list.XLSX", new ByteArrayInputStream(out.toByteArray()));
        assertEquals(List.of(new EmployeeNumberFile.Line(1, "E0001"), new EmployeeNumberFile.Line(3, "1234")), lines);
    }

    @Test
    void otherFilesAndEmptyOnesAreRefused() {
        assertEquals("import.unsupportedFile", assertThrows(UserInputException.class,
                () -> EmployeeNumberFile.read("x.txt", new ByteArrayInputStream(new byte[0]))).messageKey());
        assertEquals("import.empty", assertThrows(UserInputException.class,
                () -> EmployeeNumberFile.read("x.csv", new ByteArrayInputStream("工号\n".getBytes(StandardCharsets.UTF_8)))).messageKey());
    }
}
