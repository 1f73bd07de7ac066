package com.servicecraft.quiz;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainee takes a module quiz with the keyboard alone: Tab to a choice, Space to choose it, Enter
 * on "Next", on "Submit" and on the confirmation; every stop shows where the focus is.
 */
class TraineeTakesAQuizWithTheKeyboardIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        // t012's own quiz: the shared demo server will do.
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void singleAndMultipleChoiceQuestionsAreAnsweredAndSubmittedWithoutAMouse() {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t012");
            b.open("/learn/quiz.xhtml?module=m1-etiquette");
            tabTo(b, e -> "startForm:start".equals(e.getAttribute("id")));
            press(b, Keys.ENTER);
            b.waitForPath("/learn/attempt.xhtml");
            QuizDriver quiz = new QuizDriver(b);
            int count = quiz.questionCount();
            List<String> answered = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String type = quiz.currentType();
                if (type.equals("single-choice") || type.equals("true-false")) {
                    tabTo(b, e -> "radio".equals(e.getAttribute("type")));
                    press(b, Keys.SPACE);
                    answered.add(i + ":" + type);
                } else if (type.equals("multiple-choice")) {
                    tabTo(b, e -> "checkbox".equals(e.getAttribute("type")));
                    press(b, Keys.SPACE);
                    answered.add(i + ":" + type);
                }
                if (i < count) {
                    tabTo(b, e -> "attemptForm:next".equals(e.getAttribute("id")));
                    int next = i + 1;
                    press(b, Keys.ENTER);
                    b.waitUpTo(java.time.Duration.ofSeconds(20))
                            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                            .until(d -> b.text(".sc-question .sc-muted").contains(next + " /"));
                }
            }
            assertTrue(answered.stream().anyMatch(a -> a.endsWith("single-choice") || a.endsWith("true-false"))
                    && answered.stream().anyMatch(a -> a.endsWith("multiple-choice")), "both kinds were drawn: " + answered);
            tabTo(b, e -> "attemptForm:finish".equals(e.getAttribute("id")));
            press(b, Keys.ENTER);
            b.find("[id='attemptForm:confirmSubmit']");
            List<String> unanswered = b.driver().findElements(org.openqa.selenium.By.id("unanswered")).isEmpty() ? List.of()
                    : List.of(b.text("#unanswered").split("[^0-9]+"));
            for (String a : answered) {
                assertTrue(!unanswered.contains(a.substring(0, a.indexOf(':'))), "answered with the keyboard and saved: " + a
                        + ", yet listed as unanswered: " + unanswered);
            }
            tabTo(b, e -> "attemptForm:confirmSubmit".equals(e.getAttribute("id")));
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            b.waitForPath("/learn/result.xhtml");
            assertTrue(b.find("#score").isDisplayed(), "submitted: " + b.pageText());
        }
    }

    private static void press(Browser b, Keys key) {
        new Actions(b.driver()).sendKeys(key).perform();
        b.waitForPage();
    }

    /** Presses Tab until the focused element is the one wanted, checking on the way that each stop shows its focus. */
    private static void tabTo(Browser b, Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            new Actions(b.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = b.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                assertTrue(showsFocus(b, focused), "the focus is visible on " + focused.getAttribute("id"));
                return;
            }
        }
        throw new AssertionError("Tab never reached the wanted element on " + b.path());
    }

    /** An outline or focus shadow on the element, or PrimeFaces' focus mark on the box that stands for a hidden input. */
    private static boolean showsFocus(Browser b, WebElement e) {
        return Boolean.TRUE.equals(b.script("var e = arguments[0];"
                + "function marked(x) { var s = getComputedStyle(x); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"
                + "if (marked(e)) { return true; }"
                + "var w = e.closest('.ui-radiobutton, .ui-chkbox, .ui-button, .ui-selectonemenu');"
                + "return !!w && (w.classList.contains('ui-state-focus') || !!w.querySelector('.ui-state-focus') || marked(w)"
                + "  || Array.from(w.querySelectorAll('*')).some(marked));", e));
    }
}
