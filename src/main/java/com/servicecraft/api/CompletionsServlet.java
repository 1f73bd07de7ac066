package com.servicecraft.api;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.audit.AuditLog;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.reporting.CompletionFilter;
import com.servicecraft.reporting.CompletionFilterParams;
import com.servicecraft.reporting.CompletionQuery;
import com.servicecraft.reporting.CompletionRecord;
import com.servicecraft.reporting.CompletionRecords;
import com.servicecraft.reporting.Viewer;
import com.servicecraft.reporting.export.CompletionColumns;
import com.servicecraft.reporting.export.CsvCompletionWriter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/completions}: the completion records for HR systems, described in
 * {@code /api/v1/openapi.yaml}. JSON pages with an opaque cursor in a stable order (trainee, then
 * module), or every row as CSV ({@code format=csv} or {@code Accept: text/csv}). Needs a token
 * with {@code completions:read} of an HR officer or administrator, or their HTTP Basic
 * credentials; the officer's department scope applies. Every call is audited.
 */
@WebServlet("/api/v1/completions")
public class CompletionsServlet extends HttpServlet {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        var caller = CDI.current().select(ApiAuthentication.class).get().callerOrRefuse(req, res);
        if (caller.isEmpty()) {
            return;
        }
        ApiTokenService.Caller c = caller.get();
        AuditLog audit = CDI.current().select(AuditLog.class).get();
        boolean csv = "csv".equalsIgnoreCase(req.getParameter("format"))
                || (req.getParameter("format") == null && String.valueOf(req.getHeader("Accept")).contains("text/csv"));
        String action = csv ? "api.completions.csv" : "api.completions";
        if (!c.scopes().contains(ApiScope.COMPLETIONS_READ) || !(c.roles().contains(Role.HR) || c.roles().contains(Role.ADMIN))) {
            audit.record(c.userId(), c.username(), AuditLog.API, action, null, null, "denied");
            ApiResponses.error(res, 403, "forbidden", "This caller lacks the completions:read scope or the HR officer role.");
            return;
        }
        CompletionRecords records = CDI.current().select(CompletionRecords.class).get();
        Language lang = Language.fromTag(String.valueOf(req.getParameter("lang"))).orElse(Language.EN);
        CompletionFilter filter;
        CompletionQuery.Cursor cursor;
        int limit;
        try {
            List<String> modules = new ArrayList<>();
            records.shape(lang).parts().forEach(p -> modules.add(p.id()));
            filter = CompletionFilterParams.parse(req::getParameter, modules);
            cursor = decode(req.getParameter("cursor"));
            limit = limit(req.getParameter("limit"));
        } catch (IllegalArgumentException e) {
            audit.record(c.userId(), c.username(), AuditLog.API, action, req.getQueryString(), null, "bad-request");
            ApiResponses.error(res, 400, "bad_request", e.getMessage());
            return;
        }
        Viewer viewer = new Viewer(c.userId(), c.username(), c.roles().contains(Role.ADMIN));
        CompletionQuery.Request request;
        try {
            request = records.request(viewer, filter, lang);
        } catch (AccessDeniedException e) {
            audit.record(c.userId(), c.username(), AuditLog.API, action, filter.describe(), null, "denied");
            ApiResponses.error(res, 403, "forbidden", "The filter names a department outside this caller's scope.");
            return;
        }
        String described = filter.describe() + (cursor == null ? "" : (filter.describe().isEmpty() ? "" : ", ") + "cursor");
        if (csv) {
            res.setContentType("text/csv; charset=UTF-8");
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("Content-Disposition", "attachment; filename=\"completions-" + OrganisationZone.today(java.time.Clock.systemUTC()) + ".csv\"");
            long rows;
            try (CsvCompletionWriter w = new CsvCompletionWriter(res.getOutputStream(),
                    CompletionColumns.ALL.stream().map(CompletionColumns.Column::key).toList(), CompletionColumns.Words.CODES)) {
                rows = records.query().stream(request, null, false, cursor, 0, 0, w);
            } catch (RuntimeException e) {
                audit.record(c.userId(), c.username(), AuditLog.API, action, described, null, "error");
                throw e;
            }
            audit.record(c.userId(), c.username(), AuditLog.API, action, described, rows, "ok");
            return;
        }
        List<CompletionRecord> page = new ArrayList<>(limit + 1);
        records.query().stream(request, null, false, cursor, 0, limit + 1, page::add);
        boolean more = page.size() > limit;
        List<CompletionRecord> data = more ? page.subList(0, limit) : page;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data.stream().map(CompletionsServlet::json).toList());
        CompletionRecord last = data.isEmpty() ? null : data.get(data.size() - 1);
        body.put("nextCursor", more ? encode(new CompletionQuery.Cursor(last.userId(), last.order())) : null);
        body.put("limit", limit);
        audit.record(c.userId(), c.username(), AuditLog.API, action, described, (long) data.size(), "ok");
        ApiResponses.json(res, 200, body);
    }

    static Map<String, Object> json(CompletionRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", r.userId());
        for (CompletionColumns.Column col : CompletionColumns.ALL) {
            Object v = col.value().apply(r);
            if (v instanceof Instant || v instanceof LocalDate) {
                v = CompletionColumns.text(col, r, CompletionColumns.Words.CODES);
            } else if (v instanceof com.servicecraft.reporting.CompletionStatus s) {
                v = s.code();
            }
            m.put(col.key(), v);
        }
        m.put("updatedAt", r.updatedAt() == null ? null : r.updatedAt().toString());
        return m;
    }

    static int limit(String v) {
        if (v == null || v.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit: expected a number from 1 to " + MAX_LIMIT);
        }
    }

    /** The cursor is opaque to callers: a versioned, base64url-encoded (user, module order) position. */
    static String encode(CompletionQuery.Cursor c) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("c1:" + c.userId() + ":" + c.order()).getBytes(StandardCharsets.UTF_8));
    }

    static CompletionQuery.Cursor decode(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(v.trim()), StandardCharsets.UTF_8).split(":");
            if (p.length != 3 || !p[0].equals("c1")) {
                throw new IllegalArgumentException();
            }
            return new CompletionQuery.Cursor(Long.parseLong(p[1]), Integer.parseInt(p[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: not a cursor returned by this API");
        }
    }
}
