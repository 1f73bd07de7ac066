package com.servicecraft.shared.web;

import com.servicecraft.access.AccessRules;
import com.servicecraft.identity.Role;
import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page each role can reach (every view {@link AccessRules} lists, the pages that need an id
 * through the first link to them), once on a phone (390×844, Chinese) and once on a desktop (English);
 * on the phone also the first question of each type in a quiz, the listening game and a role-play. On the phone nothing scrolls
 * sideways and the menu folds behind its button; in both languages axe-core finds no serious or
 * critical violation, and no page shows a label of the other language (a text of the other
 * language's message bundle, in the page's text, chart tables or its controls' names). On the
 * desktop (1280 px) no table is cut off: a table wider than its box scrolls inside it.
 */
class EveryPageOnAPhoneAndForAxeIT {
    private static final String ADMIN_PASSWORD = "tea-and-river-stones-1";
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    /** Views that show something only with parameters: reached through the first link to them. */
    private static final Set<String> NEED_PARAMETERS = Set.of("/learn/attempt.xhtml", "/learn/result.xhtml", "/learn/lesson.xhtml",
            "/trainer/group.xhtml", "/trainer/trainee.xhtml");
    /** Views that show more with parameters: visited plainly and through the first link to them too. */
    private static final Set<String> FOLLOW_LINKS = Set.of("/trainer/grade.xhtml", "/admin/user.xhtml", "/trainer/item-stats.xhtml");
    /** axe-core 4.11 from Maven Central (Deque's Selenium jar carries it); injected into each page, never fetched by the page. */
    private static final String AXE = axeSource();
    /** The labels only English has (seen on a Chinese page: untranslated) and only Chinese has (on an English page). */
    private static final OtherLanguage ENGLISH_LABELS = OtherLanguage.of("messages_en.properties", "messages_zh_CN.properties", true);
    private static final OtherLanguage CHINESE_LABELS = OtherLanguage.of("messages_zh_CN.properties", "messages_en.properties", false);

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_DEMO_COHORTS", "true",
                "SERVICECRAFT_ADMIN_PASSWORD", ADMIN_PASSWORD, "SERVICECRAFT_READING_TIME_FACTOR", "0")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTraineesPages() {
        List<String> problems = new ArrayList<>();
        visitEverything("t001", "servicecraft-demo", Role.TRAINEE, true, problems);
        visitEverything("t002", "servicecraft-demo", Role.TRAINEE, false, problems);
        assertEquals("", String.join("\n", problems));
    }

    @Test
    void aTrainersPages() {
        List<String> problems = new ArrayList<>();
        visitEverything("trainer1", "servicecraft-demo", Role.TRAINER, true, problems);
        visitEverything("trainer2", "servicecraft-demo", Role.TRAINER, false, problems);
        assertEquals("", String.join("\n", problems));
    }

    @Test
    void anHrOfficersPages() {
        List<String> problems = new ArrayList<>();
        visitEverything("hr1", "servicecraft-demo", Role.HR, true, problems);
        visitEverything("hr1", "servicecraft-demo", Role.HR, false, problems);
        assertEquals("", String.join("\n", problems));
    }

    @Test
    void anAdministratorsPages() {
        List<String> problems = new ArrayList<>();
        visitEverything("admin", ADMIN_PASSWORD, Role.ADMIN, true, problems);
        visitEverything("admin", ADMIN_PASSWORD, Role.ADMIN, false, problems);
        assertEquals("", String.join("\n", problems));
    }

    @Test
    void pagesWithoutSignIn() {
        List<String> problems = new ArrayList<>();
        for (boolean phone : new boolean[]{true, false}) {
            try (Browser b = new Browser(server, phone ? "zh-CN" : "en")) {
                Page page = new Page(b, phone, problems);
                for (String path : new TreeSet<>(AccessRules.listedPaths().keySet())) {
                    if (path.endsWith(".xhtml") && !AccessRules.accessFor(path).orElseThrow().signInNeeded()) {
                        page.visit(path);
                    }
                }
                page.visit("/no-such-page.xhtml");
            }
        }
        assertEquals("", String.join("\n", problems));
    }

    private static void visitEverything(String username, String password, Role role, boolean phone, List<String> problems) {
        try (Browser b = new Browser(server, phone ? "zh-CN" : "en")) {
            Page page = new Page(b, phone, problems);
            signIn(b, username, password);
            b.waitForPath("/index.xhtml");
            b.submit(phone ? "langForm:toZh" : "langForm:toEn");
            if (phone) {
                page.checkTheMenuFoldsAndUnfolds();
            }
            Map<String, String> linked = new LinkedHashMap<>();
            for (String path : new TreeSet<>(AccessRules.listedPaths().keySet())) {
                AccessRules.Access access = AccessRules.accessFor(path).orElseThrow();
                if (path.endsWith(".xhtml") && access.signInNeeded() && isOwnPage(path, access, role) && !NEED_PARAMETERS.contains(path)) {
                    page.visit(path);
                    page.collectLinks(linked);
                }
            }
            if (role == Role.TRAINEE && phone) {
                takeQuizzes(b, page);
            } else if (role == Role.TRAINEE) {
                rateMyself(b, page);
            }
            for (String url : linked.values()) {
                page.visit(url);
            }
        }
    }

    /**
     * The pages a role brings: a trainee every page anyone signed in may open, the other roles their
     * own section (the administrator the administration) and the home page, whose menu is theirs.
     */
    private static boolean isOwnPage(String path, AccessRules.Access access, Role role) {
        if (role == Role.TRAINEE) {
            return access.roles().isEmpty();
        }
        return path.equals("/index.xhtml") || access.roles().equals(EnumSet.of(role))
                || access.roles().equals(EnumSet.of(role, Role.ADMIN));
    }

    /**
     * On the desktop in English (where the 1–5 buttons once wrapped): a self-assessment round, checked
     * while rating, then the page with its radar chart and the chart's table.
     */
    private static void rateMyself(Browser b, Page page) {
        page.visit("/learn/self-assessment.xhtml");
        for (String round : List.of("roundsForm:startRound", "roundsForm:endRound")) {
            if (!b.driver().findElements(By.id(round)).isEmpty()) {
                b.click(round);
                b.waitForPath("/learn/attempt.xhtml");
                QuizDriver driver = new QuizDriver(b);
                page.check("self-assessment round");
                driver.answerAll();
                driver.submit();
                page.visit("/learn/self-assessment.xhtml");
                break;
            }
        }
        if (b.driver().findElements(By.cssSelector("#radarCard canvas")).isEmpty()
                || b.driver().findElements(By.cssSelector("#radarCard table#radarTable tbody tr")).isEmpty()) {
            page.problems.add("desktop self-assessment: no radar chart with its table after a round");
        }
    }

    /** A quiz of every question type (the post-course test), the listening game and a role-play, question by question. */
    private static void takeQuizzes(Browser b, Page page) {
        Set<String> typesSeen = new java.util.HashSet<>();
        for (String quiz : List.of("/learn/quiz.xhtml?postTest=true", "/learn/quiz.xhtml?exercise=m4-x-listening-1",
                "/learn/quiz.xhtml?exercise=m6-x-roleplay-roaming", "/learn/quiz.xhtml?module=m1-etiquette")) {
            try {
                takeQuiz(b, page, quiz, typesSeen);
            } catch (RuntimeException e) {
                page.problems.add(quiz + ": could not be taken on " + b.path() + ": " + e.getMessage().lines().findFirst().orElse("")
                        + "\n" + b.pageText());
            }
        }
    }

    private static void takeQuiz(Browser b, Page page, String quiz, Set<String> typesSeen) {
        {
            page.visit(quiz);
            b.click("startForm:start");
            b.waitForPath("/learn/attempt.xhtml");
            if (!b.driver().findElements(By.id("passageDone")).isEmpty()) {
                page.check(quiz + " story");
                b.driver().findElement(By.id("passageDone")).click();
                // Shown once: after a reload the statements stand alone (as in TraineeTakesQuizzesIT).
                b.driver().navigate().refresh();
                b.waitForPage();
            }
            QuizDriver driver = new QuizDriver(b);
            int count = driver.questionCount();
            for (int i = 1; i <= count; i++) {
                driver.goTo(i);
                String type = driver.currentType();
                if (typesSeen.add(type)) {
                    page.check(quiz + " question " + i + " (" + type + ")");
                    if (type.equals("matching")) {
                        checkMatchingSaysWhenAnAnswerIsUsedTwice(b, page, quiz + " question " + i);
                    }
                    driver.answerCurrent();
                    if (type.equals("matching")) {
                        Object left = b.script("return Array.from(document.querySelectorAll('.sc-match-twice'))"
                                + ".map(function (h) { return h.textContent; }).join('');");
                        if (!"".equals(left)) {
                            page.problems.add(quiz + ": a matching hint stays after every row has its own answer: " + left);
                        }
                    }
                }
            }
            driver.submit();
            page.check(quiz + " result");
        }
    }

    /**
     * The same answer on the first two rows of a matching question: each of them names the other row
     * (before submission, from the trainee's own choices), the hint is the control's description, axe
     * still passes with it, and no chosen answer is cut off (long answers wrap).
     */
    private static void checkMatchingSaysWhenAnAnswerIsUsedTwice(Browser b, Page page, String what) {
        List<WebElement> menus = b.driver().findElements(By.cssSelector(".sc-matching .ui-selectonemenu"));
        for (int row = 0; row < 2; row++) {
            b.script("var w=PrimeFaces.getWidgetById(arguments[0]); if (!w.items) { w.show(); } w.selectItem(w.items.eq(1));",
                    menus.get(row).getAttribute("id"));
            b.waitForPage();
        }
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".sc-match-twice")).get(0).getText().isEmpty());
        List<WebElement> rows = b.driver().findElements(By.cssSelector(".sc-matching tr"));
        for (int row = 0; row < 2; row++) {
            String hint = rows.get(row).findElement(By.cssSelector(".sc-match-twice")).getText();
            String other = rows.get(1 - row).findElement(By.cssSelector("th")).getText().strip();
            if (!hint.contains(other)) {
                page.problems.add(what + ": row " + (row + 1) + " does not name the other row that uses its answer: " + hint);
            }
            String describedBy = rows.get(row).findElement(By.cssSelector("select")).getAttribute("aria-describedby");
            if (describedBy == null || !describedBy.contains(rows.get(row).findElement(By.cssSelector(".sc-match-twice")).getAttribute("id"))) {
                page.problems.add(what + ": the hint of row " + (row + 1) + " is not the control's description");
            }
        }
        for (int row = 2; row < rows.size(); row++) {
            if (!rows.get(row).findElement(By.cssSelector(".sc-match-twice")).getText().isEmpty()) {
                page.problems.add(what + ": row " + (row + 1) + " has a hint although its answer is its own");
            }
        }
        Object clipped = b.script("return Array.from(document.querySelectorAll('.sc-matching .ui-selectonemenu-label'))"
                + ".filter(function (l) { return l.scrollWidth > l.clientWidth + 1; }).map(function (l) { return l.textContent; }).join(' | ');");
        if (!"".equals(clipped)) {
            page.problems.add(what + ": chosen answers are cut off: " + clipped);
        }
        page.check(what + " (an answer used twice)");
    }

    /** One browser's walk: phone checks and axe on each page it is shown. */
    private static final class Page {
        private final Browser b;
        private final boolean phone;
        private final List<String> problems;
        private final String where;

        Page(Browser b, boolean phone, List<String> problems) {
            this.b = b;
            this.phone = phone;
            this.problems = problems;
            this.where = phone ? "phone " : "desktop ";
            if (phone) {
                ((ChromeDriver) b.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            }
        }

        void visit(String path) {
            b.open(path);
            check(path);
        }

        void check(String what) {
            String label = where + b.script("return document.documentElement.lang") + " " + what;
            if (phone) {
                checkFits(label);
                checkMenuIsFolded(label);
            } else {
                checkNoTableIsCutOff(label);
            }
            checkAxe(label);
            checkLanguage(label);
            checkRatingButtonsStayOnOneLine(label);
        }

        /** The 1–5 buttons of a self-rating stay on one line, whole, inside their row (they wrapped and clipped in English). */
        private void checkRatingButtonsStayOnOneLine(String label) {
            Object broken = b.script("var out = [];"
                    + "document.querySelectorAll('.sc-ratings tr').forEach(function (tr, i) {"
                    + "  var buttons = Array.from(tr.querySelectorAll('.ui-selectonebutton > .ui-button')); if (!buttons.length) { return; }"
                    + "  var top = buttons[0].getBoundingClientRect().top, right = tr.getBoundingClientRect().right + 1;"
                    + "  buttons.forEach(function (x) { var r = x.getBoundingClientRect();"
                    + "    if (Math.abs(r.top - top) > 2 || r.right > right || x.scrollWidth > x.clientWidth + 1) { out.push('row ' + (i + 1) + ' button ' + x.textContent.trim()); } }); });"
                    + "return out.slice(0, 5).join(', ');");
            if (!String.valueOf(broken).isEmpty()) {
                problems.add(label + ": rating buttons wrap or are cut off: " + broken);
            }
        }

        /**
         * Text of the page in its own language only: every text node and every accessible name or hint
         * (aria-label, title, placeholder, alt) outside an element marked with another {@code lang} (the
         * language switch) is split into runs of the other script, and a run that is one of the other
         * bundle's labels fails. People's names and course content are not in the bundles, so they pass.
         */
        @SuppressWarnings("unchecked")
        private void checkLanguage(String label) {
            String pageLang = String.valueOf(b.script("return document.documentElement.lang"));
            OtherLanguage other = pageLang.startsWith("zh") ? ENGLISH_LABELS : CHINESE_LABELS;
            List<Object> texts = (List<Object>) b.script("var lang = document.documentElement.lang, out = [];"
                    // Not labels: parts marked as another language (the language switch) or as not to be translated.
                    + "function own(e) { var l = e && e.closest ? e.closest('[lang]') : null;"
                    + "  return (!l || l.getAttribute('lang') === lang) && !(e.closest && e.closest('[translate=no]')); }"
                    + "var w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;"
                    + "while ((n = w.nextNode())) { var p = n.parentElement;"
                    + "  if (p && !p.closest('script,style,noscript') && own(p) && n.nodeValue.trim()) { out.push(n.nodeValue.trim()); } }"
                    + "document.querySelectorAll('[aria-label],[title],[placeholder],[alt]').forEach(function (e) {"
                    + "  if (own(e)) { ['aria-label', 'title', 'placeholder', 'alt'].forEach(function (a) { var v = e.getAttribute(a); if (v && v.trim()) { out.push(v.trim()); } }); } });"
                    + "return out;");
            Set<String> found = new TreeSet<>();
            for (Object t : texts) {
                found.addAll(other.labelsIn((String) t));
            }
            if (!found.isEmpty()) {
                problems.add(label + ": labels of the other language: " + found);
            }
        }

        /**
         * At 1280 px nothing in a table is cut off: a cell that reaches past the right edge of the page's
         * content box must be inside a box that scrolls sideways (and then the box, not the page, scrolls).
         */
        private void checkNoTableIsCutOff(String label) {
            Object cut = b.script("var out = [], main = document.getElementById('main'); if (!main) { return ''; }"
                    + "var right = Math.min(window.innerWidth, main.getBoundingClientRect().right) + 1;"
                    + "main.querySelectorAll('table').forEach(function (t) { if (t.offsetParent === null) { return; }"
                    + "  if (t.getBoundingClientRect().right <= right) { return; }"
                    + "  var scrolls = false; for (var p = t.parentElement; p && p !== main; p = p.parentElement) {"
                    + "    var o = getComputedStyle(p).overflowX; if ((o === 'auto' || o === 'scroll') && p.getBoundingClientRect().right <= right) { scrolls = true; } }"
                    + "  if (!scrolls) { out.push((t.id || t.className || 'table') + ' right=' + Math.round(t.getBoundingClientRect().right) + ' > ' + Math.round(right)); } });"
                    + "if (document.documentElement.scrollWidth > window.innerWidth) { out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth); }"
                    + "return out.join(', ');");
            if (!String.valueOf(cut).isEmpty()) {
                problems.add(label + ": a table is cut off or pushes the page sideways at " + b.script("return window.innerWidth") + " px: " + cut);
            }
        }

        private void checkFits(String label) {
            long inner = ((Number) b.script("return window.innerWidth")).longValue();
            if (inner != PHONE_WIDTH) {
                problems.add(label + ": the window is " + inner + " px wide, not " + PHONE_WIDTH);
                return;
            }
            long scroll = ((Number) b.script("return document.documentElement.scrollWidth")).longValue();
            if (scroll > inner) {
                Object wide = b.script("var out=[]; document.querySelectorAll('body *').forEach(function(e){"
                        + " var r=e.getBoundingClientRect(); if (r.right > window.innerWidth + 1 && e.offsetParent !== null) {"
                        + " var inside=false; for (var p=e.parentElement; p; p=p.parentElement) { if (p.getBoundingClientRect().right > window.innerWidth + 1) { inside=true; } }"
                        + " out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right)); } });"
                        + " return out.slice(0, 6).join(', ');");
                problems.add(label + ": scrolls sideways (" + scroll + " > " + inner + "): " + wide);
            }
        }

        private void checkMenuIsFolded(String label) {
            if (b.driver().findElements(By.id("navForm")).isEmpty()) {
                return;
            }
            WebElement toggle = b.driver().findElement(By.id("menuToggle"));
            if (!toggle.isDisplayed() || !"false".equals(toggle.getAttribute("aria-expanded"))
                    || b.driver().findElement(By.id("navForm")).isDisplayed()) {
                problems.add(label + ": the menu is not folded behind its button on a phone");
            }
        }

        @SuppressWarnings("unchecked")
        private void checkAxe(String label) {
            b.script(AXE);
            Object result = ((JavascriptExecutor) b.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                            + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                            + "    .map(function (v) { return v.impact + ' ' + v.id + ' (' + v.help + '): '"
                            + "      + v.nodes.slice(0, 4).map(function (n) { return n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 200) + ']' : ''); }).join('; '); }));"
                            + "}).catch(function (e) { done(['axe failed: ' + e]); });");
            for (Object violation : (List<Object>) result) {
                problems.add(label + ": " + violation);
            }
        }

        /** Keeps the first link to each view that needs parameters. */
        @SuppressWarnings("unchecked")
        void collectLinks(Map<String, String> linked) {
            List<Object> hrefs = (List<Object>) b.script("return Array.from(document.querySelectorAll('a[href]'))"
                    + ".filter(function (a) { return a.origin === location.origin; }).map(function (a) { return a.pathname + a.search; });");
            for (Object href : hrefs) {
                String url = (String) href;
                String path = url.replaceFirst("[?#].*$", "");
                if ((NEED_PARAMETERS.contains(path) || FOLLOW_LINKS.contains(path)) && url.contains("?")) {
                    linked.putIfAbsent(path, url);
                }
            }
        }

        /** On a phone the menu is folded; Enter on its button opens it, Escape closes it and returns to the button. */
        void checkTheMenuFoldsAndUnfolds() {
            WebElement toggle = b.find("#menuToggle");
            WebElement nav = b.driver().findElement(By.id("navForm"));
            assertEquals("false", toggle.getAttribute("aria-expanded"));
            assertTrue(!nav.isDisplayed(), "folded at first");
            toggle.sendKeys(Keys.ENTER);
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d -> nav.isDisplayed());
            assertEquals("true", toggle.getAttribute("aria-expanded"));
            long scroll = ((Number) b.script("return document.documentElement.scrollWidth")).longValue();
            assertTrue(scroll <= PHONE_WIDTH, "the open menu fits the phone: " + scroll);
            WebElement home = nav.findElement(By.cssSelector(".ui-menuitem-link"));
            assertTrue(home.isDisplayed() && home.getRect().getX() + home.getRect().getWidth() <= PHONE_WIDTH, "its entries are on the screen");
            new Actions(b.driver()).sendKeys(Keys.ESCAPE).perform();
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d -> !nav.isDisplayed());
            assertEquals("false", toggle.getAttribute("aria-expanded"));
            assertEquals(toggle, b.driver().switchTo().activeElement(), "the focus goes back to the button");
            toggle.sendKeys(Keys.SPACE);
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d -> nav.isDisplayed());
            toggle.click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d -> !nav.isDisplayed());
        }
    }

    /**
     * The labels of one bundle that the other bundle does not have (its untranslated look-alikes), as
     * they would stand on a page: a placeholder ({0}) matches any text, surrounding colons are dropped.
     */
    record OtherLanguage(Set<String> exact, List<java.util.regex.Pattern> withPlaceholders, java.util.regex.Pattern run) {
        static OtherLanguage of(String bundle, String ownBundle, boolean latin) {
            java.util.Properties theirs = bundle(bundle);
            Set<String> ours = new java.util.HashSet<>();
            bundle(ownBundle).stringPropertyNames().forEach(k -> ours.add(normal(bundle(ownBundle).getProperty(k))));
            java.util.regex.Pattern script = latin ? java.util.regex.Pattern.compile("[A-Za-z]{2,}") : java.util.regex.Pattern.compile("\\p{IsHan}");
            Set<String> exact = new java.util.HashSet<>();
            List<java.util.regex.Pattern> patterns = new ArrayList<>();
            for (String key : theirs.stringPropertyNames()) {
                String value = normal(theirs.getProperty(key));
                if (ours.contains(value) || !script.matcher(value.replaceAll("\\{[^}]*}", "")).find()) {
                    continue;
                }
                if (value.contains("{")) {
                    String[] literal = value.split("\\{[^}]*}", -1);
                    String longest = java.util.Arrays.stream(literal).map(String::strip).max(java.util.Comparator.comparingInt(String::length)).orElse("");
                    if (script.matcher(longest).find() && longest.length() >= 4) {
                        patterns.add(java.util.regex.Pattern.compile(java.util.Arrays.stream(literal).map(java.util.regex.Pattern::quote)
                                .collect(java.util.stream.Collectors.joining(".+?"))));
                    }
                } else {
                    exact.add(value);
                }
            }
            java.util.regex.Pattern run = latin
                    ? java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9 %()'’,.:/&-]*[A-Za-z0-9%).:]|[A-Za-z]")
                    : java.util.regex.Pattern.compile("[\\p{IsHan}][\\p{IsHan}\\u3000-\\u303f\\uff01-\\uff5e0-9A-Za-z %（）]*");
            return new OtherLanguage(exact, patterns, run);
        }

        /**
         * The other language's labels found in one text of the page: the whole text is one ("Score %"), or
         * it starts with one and a colon ("Exercise: 练习一"). A word of the other language inside a sentence
         * of the page's own ("做什么（What）", "headed employee_number (or 工号)") is not a label.
         */
        List<String> labelsIn(String text) {
            List<String> found = new ArrayList<>();
            String whole = normal(text);
            for (java.util.regex.Matcher m = run.matcher(text); m.find(); ) {
                String r = normal(m.group());
                boolean label = r.equals(whole) || (m.start() == 0 && m.group().strip().matches(".*[:：]$"));
                if (label && exact.contains(r)) {
                    found.add(r);
                }
            }
            for (java.util.regex.Pattern p : withPlaceholders) {
                if (p.matcher(text).find()) {
                    found.add(p.pattern());
                }
            }
            return found;
        }

        private static String normal(String s) {
            return s.strip().replaceAll("^[:：\\s]+|[:：\\s]+$", "");
        }

        private static java.util.Properties bundle(String name) {
            java.util.Properties p = new java.util.Properties();
            try (InputStream in = EveryPageOnAPhoneAndForAxeIT.class.getResourceAsStream("/com/servicecraft/i18n/" + name)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }
    }

    private static String axeSource() {
        try (InputStream in = EveryPageOnAPhoneAndForAxeIT.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
