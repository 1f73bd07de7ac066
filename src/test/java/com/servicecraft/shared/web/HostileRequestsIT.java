package com.servicecraft.shared.web;

import com.servicecraft.testing.FacesHttp;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests no page sends, as a prober or a stale tab sends them: a clean answer, and no stack trace in the log. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileRequestsIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_DEMO_COHORTS", "true")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void anAjaxPostbackWithoutThePrimeFacesNonceIsAnsweredCleanlyAndLoggedInOneLine() throws Exception {
        FacesHttp http = new FacesHttp(server);
        String viewState = FacesHttp.viewState(http.get("/login.xhtml").body());
        int logBefore = server.output().length();
        Map<String, String> form = FacesHttp.form("loginForm", viewState, "loginForm:username", "nobody", "loginForm:password", "wrong",
                "jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "loginForm:signIn", "jakarta.faces.partial.execute", "@all",
                "jakarta.faces.partial.render", "@form");
        HttpResponse<String> r = http.post("/login.xhtml", form, Map.of("Faces-Request", "partial/ajax"));

        assertNotEquals(500, r.statusCode());
        assertTrue(r.body().contains("<redirect url=\"/error/expired.xhtml\""), r.body());
        String log = server.output().substring(logBefore);
        assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
        assertTrue(log.contains("STALE_PAGE"), "one line says what happened:\n" + log);
    }

    @Test
    void anUploadLargerThanAllowedGetsTheTooLargePageNotAStackTrace() throws Exception {
        int logBefore = server.output().length();
        // What a client announcing a 12 MB upload sends first; it waits for "100 Continue" before the body.
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", java.net.URI.create(server.baseUrl()).getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /login.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + (12 * 1024 * 1024)
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("Too much data"), answer);
        String log = server.output().substring(logBefore);
        assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
    }

    @Test
    void aFormLargerThanAllowedGetsTheTooLargePage() throws Exception {
        FacesHttp http = new FacesHttp(server);
        String viewState = FacesHttp.viewState(http.get("/login.xhtml").body());
        HttpResponse<String> r = http.post("/login.xhtml", FacesHttp.form("loginForm", viewState, "loginForm:username", "x".repeat(300_000)),
                Map.of("Accept-Language", "zh-CN"));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("数据过大"), r.body());
    }

    @Test
    void aDepartmentNamedLikeAScriptStaysTextInTheChart() throws Exception {
        String hostile = "</script><script>window.pwned=1</script>";
        try (java.sql.Connection c = server.database();
             java.sql.PreparedStatement st = c.prepareStatement("update department set name = ? where id = "
                     + "(select min(u.department_id) from app_user u join group_member m on m.user_id = u.id)")) {
            st.setString(1, hostile);
            assertEquals(1, st.executeUpdate(), "a department with trainees in a cohort");
        }
        FacesHttp hr = new FacesHttp(server).signIn("hr1", "servicecraft-demo");
        String page = hr.open("/hr/completions.xhtml").body();
        assertTrue(page.contains("departmentChart"), "the chart is on the page");
        assertFalse(page.contains("<script>window.pwned=1"), "the name never ends the chart's script");
        assertTrue(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=1"), "it is there, as text of the chart");
    }
}
