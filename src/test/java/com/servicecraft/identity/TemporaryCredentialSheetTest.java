package com.servicecraft.identity;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one-time passwords as CSV: Chinese intact, formulas neutralized. */
class TemporaryCredentialSheetTest {
    @Test
    void writesOneRowPerPersonWithFormulasNeutralized() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemporaryCredentialSheet.write(List.of(
                        new TemporaryCredential(1, "wang.lei", "E1", "王磊", "abcd-efgh-jkmn-pqrs", Instant.parse("2026-12-08T08:00:00Z")),
                        new TemporaryCredential(2, "-x", "E2", "=HYPERLINK(\"http://evil\")", "wxyz-2345-6789-abcd", Instant.parse("2026-12-08T08:00:00Z"))),
                List.of("用户名", "工号", "姓名", "临时密码", "有效期至"), ZoneOffset.UTC, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals("\uFEFF用户名,工号,姓名,临时密码,有效期至\r\n"
                + "wang.lei,E1,王磊,abcd-efgh-jkmn-pqrs,2026-12-08 08:00\r\n"
                + "'-x,E2,\"'=HYPERLINK(\"\"http://evil\"\")\",wxyz-2345-6789-abcd,2026-12-08 08:00\r\n", csv);
    }
}
