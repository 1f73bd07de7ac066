package com.servicecraft.workbook.web;

import com.servicecraft.shared.Language;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.workbook.WorkbookService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/** The signed-in trainee's workbook as a PDF, in their language (no parameters: only one's own). */
@WebServlet("/learn/workbook.pdf")
public class WorkbookPdfServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Language lang = CDI.current().select(LocaleSwitch.class).get().current();
        List<WorkbookService.Section> sections = CDI.current().select(WorkbookService.class).get().mine(lang);
        SignedInUser who = CDI.current().select(CurrentUser.class).get().require();
        res.setContentType("application/pdf");
        res.setHeader("Content-Disposition", "attachment; filename=\"workbook.pdf\"");
        WorkbookPdf.write(res.getOutputStream(), who.displayName(), sections, lang);
    }
}
