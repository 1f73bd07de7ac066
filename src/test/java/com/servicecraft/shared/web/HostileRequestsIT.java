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
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true")).start();
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
}
