package com.servicecraft.reporting.web;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.audit.AuditLog;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.reporting.CompletionExports;
import com.servicecraft.reporting.CompletionFilter;
import com.servicecraft.reporting.CompletionFilterParams;
import com.servicecraft.reporting.CompletionRecords;
import com.servicecraft.reporting.Viewer;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /hr/export/completions?format=csv|xlsx|pdf&department=…}: the HR download of the
 * completion records (the filter parameters of {@link CompletionFilterParams}). The access filter
 * admits HR officers and administrators; the department scope is enforced by the service.
 */
@WebServlet("/hr/export/completions")
public class CompletionExportServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        SignedInUser user = CDI.current().select(CurrentUser.class).get().require();
        CompletionExports.Format format;
        try {
            format = CompletionExports.Format.valueOf(String.valueOf(req.getParameter("format")).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST, "format: csv, xlsx or pdf");
            return;
        }
        var lang = CDI.current().select(LocaleSwitch.class).get().current();
        CompletionRecords records = CDI.current().select(CompletionRecords.class).get();
        CompletionFilter filter;
        try {
            filter = CompletionFilterParams.parse(req::getParameter, moduleIds(records, lang));
        } catch (IllegalArgumentException e) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        Viewer viewer = new Viewer(user.id(), user.username(), user.hasRole(Role.ADMIN));
        String name = "completions-" + OrganisationZone.today(java.time.Clock.systemUTC()) + "." + format.extension;
        try {
            CDI.current().select(CompletionExports.class).get().write(viewer, filter, format, lang, AuditLog.WEB, () -> {
                res.setContentType(format.contentType);
                res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
                res.setHeader("Cache-Control", "no-store");
                try {
                    // Headers go out at once: the browser shows the download while rows are still being read.
                    res.flushBuffer();
                    return res.getOutputStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (AccessDeniedException e) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    static List<String> moduleIds(CompletionRecords records, com.servicecraft.shared.Language lang) {
        List<String> ids = new ArrayList<>();
        records.shape(lang).parts().forEach(p -> ids.add(p.id()));
        return ids;
    }
}
