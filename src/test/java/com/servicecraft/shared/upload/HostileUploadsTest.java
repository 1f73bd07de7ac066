package com.servicecraft.shared.upload;

import com.servicecraft.assignment.EmployeeNumberFile;
import com.servicecraft.identity.importing.TraineeFileReader;
import com.servicecraft.shared.UserInputException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Files nobody should upload, made here in code: each ends in a message for the person (a bundle key),
 * through both uploads that read tables (trainee import, group members), never in another exception.
 */
class HostileUploadsTest {

    interface Upload {
        void read(String fileName, InputStream in) throws Exception;
    }

    private static final Upload[] UPLOADS = {TraineeFileReader::read, EmployeeNumberFile::read};

    private static UserInputException refused(String fileName, byte[] content) {
        UserInputException first = null;
        for (Upload upload : UPLOADS) {
            UserInputException e = assertThrows(UserInputException.class, () -> upload.read(fileName, new ByteArrayInputStream(content)));
            if (first != null) {
                assertEquals(first.messageKey(), e.messageKey(), "both uploads say the same");
            }
            first = e;
        }
        return first;
    }

    @Test
    void aFileOfAnotherKindRenamedToXlsxIsNotASpreadsheet() throws Exception {
        assertEquals("import.unreadableFile", refused("people.xlsx", "employee_number,name\nE1,Wang\n".getBytes(StandardCharsets.UTF_8)).messageKey());
        assertEquals("import.unreadableFile", refused("people.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)).messageKey());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("just a zip".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("import.unreadableFile", refused("people.xlsx", zip.toByteArray()).messageKey());
        assertEquals("import.unreadableFile", refused("people.xlsx", new byte[0]).messageKey());
    }

    @Test
    void aZipBombIsRefusedBeforeItUnpacks() throws Exception {
        // A real workbook whose sheet is replaced by 200 MB of blanks: about 200 KB packed.
        byte[] bomb = withSheet(workbook(), out -> {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                out.write(blanks);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        UserInputException e = refused("people.xlsx", bomb);
        assertEquals("import.zipBomb", e.messageKey());
        assertArrayEquals(new Object[] {16L}, e.arguments());
    }

    @Test
    void aSheetThatUnpacksBeyondTheLimitWithoutLookingLikeABombIsRefusedToo() throws Exception {
        // Varied text packs only about 2:1, so the ratio guard does not fire; the size guard does.
        java.util.Random random = new java.util.Random(1);
        byte[] big = withSheet(workbook(), out -> {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            for (int i = 0; i < 17 * 16; i++) {
                for (int j = 0; j < chunk.length; j++) {
                    chunk[j] = (byte) ('a' + random.nextInt(26));
                }
                out.write("<!--".getBytes(StandardCharsets.UTF_8));
                out.write(chunk);
                out.write("-->".getBytes(StandardCharsets.UTF_8));
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals("import.zipBomb", refused("people.xlsx", big).messageKey());
    }

    @Test
    void anUnclosedQuoteNamesTheLine() {
        String csv = "employee_number,display_name,email\nE1,Wang,w@example.com\nE2,\"Li,l@example.com\nE3,Zhao,z@example.com\n";
        UserInputException e = refused("people.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("import.malformedCsv", e.messageKey());
        csv = "employee_number,display_name,email\nE1,\"Wang\"x,w@example.com\n";
        assertEquals("import.malformedCsv", refused("people.csv", csv.getBytes(StandardCharsets.UTF_8)).messageKey());
    }

    @Test
    void aCsvInAnotherEncodingIsRefusedWithHowToSaveIt() {
        String csv = "工号,姓名,邮箱\nE1,王磊,w@example.com\n";
        assertEquals("import.notUtf8", refused("people.csv", csv.getBytes(Charset.forName("GBK"))).messageKey());
    }

    @Test
    void tooManyRowsAreRefusedWithTheLimit() {
        StringBuilder csv = new StringBuilder("employee_number,display_name,email\n");
        for (int i = 0; i < TraineeFileReader.MAX_ROWS + 5; i++) {
            csv.append("E").append(i).append(",N,n@example.com\n");
        }
        assertEquals("import.tooManyRows", refused("people.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).messageKey());
    }

    @Test
    void overLongNamesAreProblemsOfTheirRowInThePreview() throws Exception {
        String csv = "employee_number,display_name,email,job_title\nE1," + "王".repeat(121) + ",w@example.com," + "x".repeat(121) + "\n"
                + "E2," + "李".repeat(120) + ",l@example.com," + "y".repeat(120) + "\n";
        var rows = TraineeFileReader.read("people.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(java.util.List.of("import.error.nameTooLong", "import.error.jobTitleTooLong"), rows.get(0).getErrors());
        assertEquals(java.util.List.of(), rows.get(1).getErrors(), "120 characters fit the column");
    }

    interface Writer {
        void write(java.io.OutputStream out) throws Exception;
    }

    private static byte[] workbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet().createRow(0).createCell(0).setCellValue("employee_number");
            wb.write(out);
        }
        return out.toByteArray();
    }

    /** The same workbook with its first sheet's XML written by {@code sheet}. */
    private static byte[] withSheet(byte[] xlsx, Writer sheet) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(z);
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
