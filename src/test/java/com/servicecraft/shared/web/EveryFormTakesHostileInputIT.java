package com.servicecraft.shared.web;

import com.servicecraft.access.AccessRules;
import com.servicecraft.testing.FacesHttp;
import com.servicecraft.testing.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every form of every page, as each role, submitted by every button with hostile values in every text field:
 * markup and script, EL, a {@code javascript:} link, NUL and control characters with a right-to-left override and
 * 4-byte characters, and 100,000 characters; each form also with a forged view state and as JSON. No answer
 * is a 500 or a stack trace, and no page (the answer, and afterwards every page of every role) carries the markup,
 * the link or an evaluated expression back unescaped.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class EveryFormTakesHostileInputIT {
    private static final String ADMIN_PASSWORD = "tea-and-river-stones-1";
    private static final Map<String, String> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("t001", "servicecraft-demo");
        PEOPLE.put("trainer1", "servicecraft-demo");
        PEOPLE.put("hr1", "servicecraft-demo");
        PEOPLE.put("admin", ADMIN_PASSWORD);
    }

    /** Markup and script, a script link, EL, NUL and control characters, a right-to-left override, 4-byte characters; then length. */
    static final List<String> PAYLOADS = List.of(
            "<img src=x onerror=window.__xss=1>\"'><svg onload=window.__xss=1> javascript:window.__xss=1 #{1000*1337} ${1000*1338}"
                    + " a\u0000b\u0007c\u202Eevil\u202C \uD83D\uDE00\uD840\uDC00 end",
            "x".repeat(100_000));
    /** All long values of a form together stay under the form size limit, so that the application itself meets them. */
    private static final int LONG_FORM_CHARS = 180_000;
    /** What must never come back as markup: the tags, a link to script, an evaluated expression. */
    static final List<Pattern> ECHOES = List.of(
            Pattern.compile("<img src=x onerror", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<svg onload", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(href|src|action)\\s*=\\s*[\"']?\\s*javascript:window", Pattern.CASE_INSENSITIVE),
            Pattern.compile("1337000|1338000"));
    /** Buttons that end the session or take the demo people away: they would end the sweep, not test it. */
    private static final Pattern SKIP_BUTTON = Pattern.compile("(?i)signout|logout|sign-out|deactivate|delete|remove|archive|rotate");
    private static final Set<String> TEXT_TYPES = Set.of("text", "password", "email", "search", "url", "tel", "number", "date",
            "datetime-local", "time", "");

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_DEMO_COHORTS", "true",
                "SERVICECRAFT_ADMIN_PASSWORD", ADMIN_PASSWORD)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyFormAnswersHostileInputWithoutAnErrorAndNoPageEchoesIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        int posts = 0;
        for (Map.Entry<String, String> person : PEOPLE.entrySet()) {
            FacesHttp http = new FacesHttp(server).signIn(person.getKey(), person.getValue());
            for (String page : pagesOf(http)) {
                Document doc = Jsoup.parse(http.open(page).body());
                for (Element form : doc.select("form[method=post]")) {
                    for (Element button : form.select("button[type=submit], input[type=submit], button:not([type])")) {
                        String name = button.attr("name").isEmpty() ? button.id() : button.attr("name");
                        if (name.isEmpty() || SKIP_BUTTON.matcher(name + " " + button.text()).find()) {
                            continue;
                        }
                        for (String payload : PAYLOADS) {
                            posts++;
                            // A fresh page for each post: its own view state, as a person with a new tab.
                            Document fresh = Jsoup.parse(http.open(page).body());
                            Element f = fresh.getElementById(form.id());
                            if (f == null) {
                                continue;
                            }
                            String what = person.getKey() + " " + page + " " + name + " payload#" + PAYLOADS.indexOf(payload);
                            check(wrong, what, http, f, fields(f, name, payload), Map.of());
                            if (!signedIn(http, page)) {
                                http = new FacesHttp(server).signIn(person.getKey(), person.getValue());
                            }
                        }
                    }
                    Element first = form.selectFirst("button[type=submit], input[type=submit], button:not([type])");
                    if (first != null && !first.attr("name").isEmpty() && !SKIP_BUTTON.matcher(first.attr("name")).find()) {
                        posts += forgedAndMistyped(wrong, http, page, form.id(), first.attr("name"), person.getKey());
                    }
                }
            }
        }
        assertTrue(posts > 100, "the sweep reached the forms: " + posts + " posts");
        System.out.println("Hostile-input sweep: " + posts + " posts");
        // Then what was stored, and names as an import or another system could have written them: no page of
        // any role shows them as markup.
        String hostile = "<img src=x onerror=window.__xss=1><svg onload=window.__xss=1>#{1000*1337}";
        try (java.sql.Connection c = server.database()) {
            for (String sql : List.of("update app_user set display_name = ? where username in ('t001', 't002', 't021')",
                    "update department set name = ? where id = (select min(department_id) from app_user where username = 't001')",
                    "update training_group set name = ?, description = ?")) {
                try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
                    for (int i = 1; i <= st.getParameterMetaData().getParameterCount(); i++) {
                        st.setString(i, hostile + i);
                    }
                    assertTrue(st.executeUpdate() > 0, sql);
                }
            }
        }
        for (Map.Entry<String, String> person : PEOPLE.entrySet()) {
            FacesHttp http = new FacesHttp(server).signIn(person.getKey(), person.getValue());
            for (String page : pagesOf(http)) {
                HttpResponse<String> r = http.open(page);
                if (r.statusCode() >= 500) {
                    wrong.add(person.getKey() + " " + page + " -> " + r.statusCode());
                }
                for (Pattern echo : ECHOES) {
                    if (echo.matcher(r.body()).find()) {
                        wrong.add(person.getKey() + " " + page + " shows " + echo.pattern());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static int forgedAndMistyped(List<String> wrong, FacesHttp http, String page, String formId, String button, String who)
            throws Exception {
        Document fresh = Jsoup.parse(http.open(page).body());
        Element f = fresh.getElementById(formId);
        if (f == null) {
            return 0;
        }
        Map<String, String> forged = fields(f, button, "forged");
        forged.put("jakarta.faces.ViewState", "-4711:" + "A".repeat(40));
        check(wrong, who + " " + page + " " + button + " forged view state", http, f, forged, Map.of());
        check(wrong, who + " " + page + " " + button + " sent as JSON", http, f, fields(f, button, "json"),
                Map.of("Content-Type", "application/json"));
        return 2;
    }

    private static void check(List<String> wrong, String what, FacesHttp http, Element form, Map<String, String> fields,
                              Map<String, String> headers) throws Exception {
        int logBefore = server.output().length();
        HttpResponse<String> r;
        try {
            r = http.post(action(form), fields, headers);
        } catch (java.io.IOException e) {
            wrong.add(what + " -> no answer: " + e);
            return;
        }
        if (r.statusCode() >= 500) {
            wrong.add(what + " -> " + r.statusCode());
        }
        String body = r.statusCode() / 100 == 3 ? http.open(http.location(r)).body() : r.body();
        for (Pattern echo : ECHOES) {
            if (echo.matcher(body).find()) {
                wrong.add(what + " echoes " + echo.pattern());
            }
        }
        String log = server.output().substring(logBefore);
        if (log.contains("\tat ") || log.contains("SEVERE")) {
            wrong.add(what + " logged an error:\n" + log.lines().limit(12).reduce("", (a, b) -> a + b + "\n"));
        }
    }

    /** The form as a browser would send it, with the payload in every field a person types into. */
    private static Map<String, String> fields(Element form, String button, String payload) {
        long typed = form.select("textarea[name], input[name]").stream()
                .filter(e -> e.tagName().equals("textarea") || TEXT_TYPES.contains(e.attr("type").toLowerCase())).count();
        if (payload.length() * Math.max(1, typed) > LONG_FORM_CHARS) {
            payload = payload.substring(0, (int) (LONG_FORM_CHARS / typed));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            String type = input.attr("type").toLowerCase();
            switch (input.tagName()) {
                case "textarea" -> out.put(name, payload);
                case "select" -> {
                    Element option = input.selectFirst("option[selected]");
                    option = option != null ? option : input.selectFirst("option");
                    out.put(name, option == null ? "" : option.attr("value"));
                }
                default -> {
                    if (type.equals("hidden")) {
                        out.put(name, input.attr("value"));
                    } else if (type.equals("checkbox") || type.equals("radio")) {
                        if (input.hasAttr("checked") || !out.containsKey(name)) {
                            out.put(name, input.attr("value").isEmpty() ? "on" : input.attr("value"));
                        }
                    } else if (TEXT_TYPES.contains(type)) {
                        out.put(name, payload);
                    }
                }
            }
        }
        out.remove("submit");
        out.put(button, "");
        return out;
    }

    private static String action(Element form) {
        String action = form.attr("action");
        return action.isEmpty() ? "/" : URI.create(action).getRawPath() + (URI.create(action).getRawQuery() == null ? ""
                : "?" + URI.create(action).getRawQuery());
    }

    private static boolean signedIn(FacesHttp http, String page) throws Exception {
        HttpResponse<String> r = http.get(page);
        return !(r.statusCode() == 302 && http.location(r).startsWith("/login.xhtml"));
    }

    /**
     * The person's pages: every listed view they may open, and one example of each view that needs parameters,
     * found in the links of those pages.
     */
    private static Set<String> pagesOf(FacesHttp http) throws Exception {
        Set<String> plain = new TreeSet<>();
        for (String path : AccessRules.listedPaths().keySet()) {
            if (path.endsWith(".xhtml") && !path.startsWith("/error/") && !path.equals("/login.xhtml") && !path.equals("/setup.xhtml")) {
                HttpResponse<String> r = http.get(path);
                if (r.statusCode() == 200) {
                    plain.add(path);
                }
            }
        }
        Map<String, String> withParameters = new TreeMap<>();
        for (String path : plain) {
            for (Element a : Jsoup.parse(http.get(path).body()).select("a[href*=.xhtml?]")) {
                URI href = URI.create(a.attr("href").replace(" ", "%20"));
                if (href.getHost() == null && href.getRawPath() != null && href.getRawPath().startsWith("/")) {
                    withParameters.putIfAbsent(href.getRawPath(), href.getRawPath() + "?" + href.getRawQuery());
                }
            }
        }
        Set<String> out = new TreeSet<>(plain);
        out.addAll(withParameters.values());
        return out;
    }
}
