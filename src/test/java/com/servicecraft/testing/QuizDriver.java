package com.servicecraft.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** Answers whatever question the attempt page shows, the way a person would click, and waits for each autosave. */
public final class QuizDriver {
    private final Browser b;

    public QuizDriver(Browser b) {
        this.b = b;
    }

    /** Opens a quiz's start page (e.g. /learn/quiz.xhtml?module=…), starts or resumes, and lands on the attempt. */
    public static QuizDriver start(Browser b, String quizPath) {
        b.open(quizPath);
        b.click("startForm:start");
        b.waitForPath("/learn/attempt.xhtml");
        return new QuizDriver(b);
    }

    public String currentType() {
        String cls = b.find(".sc-question").getAttribute("class");
        for (String c : cls.split("\\s+")) {
            if (c.startsWith("sc-type-")) {
                return c.substring("sc-type-".length());
            }
        }
        throw new IllegalStateException("no question type on " + cls);
    }

    /** Gives some answer to the current question (the first option, a text, a rating …). */
    public void answerCurrent() {
        String type = currentType();
        switch (type) {
            case "single-choice", "true-false" -> clickAndWait(b.find(".sc-question .ui-radiobutton-box"));
            case "multiple-choice" -> clickAndWait(b.find(".sc-question .ui-chkbox-box"));
            case "inference" -> clickAndWait(b.driver().findElements(By.cssSelector(".sc-inference .ui-button")).get(2));
            case "matching" -> {
                // Through the PrimeFaces widget, as a keyboard or mouse choice would end: it fires the same change event.
                List<WebElement> menus = b.driver().findElements(By.cssSelector(".sc-matching .ui-selectonemenu"));
                for (int i = 0; i < menus.size(); i++) {
                    String id = menus.get(i).getAttribute("id");
                    b.script("var w=PrimeFaces.getWidgetById(arguments[0]); if (!w.items) { w.show(); }"
                            + "w.selectItem(w.items.eq(Math.min(arguments[1]+1, w.items.length-1)));", id, i);
                    b.waitForPage();
                }
            }
            case "ordering" -> clickAndWait(b.find(".sc-ordering li button[id$='down']"));
            case "free-text" -> {
                b.find(".sc-question textarea").sendKeys("我会先真诚道歉，再说明下一步怎么做。I will apologise first and explain the next step.");
                b.find(".sc-question .sc-prompt").click();
                b.waitForPage();
            }
            case "self-rating" -> {
                int rows = b.driver().findElements(By.cssSelector(".sc-ratings tr")).size();
                for (int i = 0; i < rows; i++) {
                    clickAndWait(b.driver().findElements(By.cssSelector(".sc-ratings tr")).get(i).findElements(By.cssSelector(".ui-button")).get(3));
                }
            }
            case "role-play" -> {
                for (int turn = 0; b.driver().findElements(By.id("outcome")).isEmpty(); turn++) {
                    if (turn > 30) {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "role-play-stuck.html"), b.source());
                        } catch (java.io.IOException ignored) {
                            // only for diagnosis
                        }
                        throw new AssertionError("the role-play never ended:\n" + b.pageText());
                    }
                    clickAndWait(b.find(".sc-responses button.sc-response"));
                }
            }
            default -> throw new IllegalStateException("cannot answer " + type);
        }
    }

    private void clickAndWait(WebElement e) {
        e.click();
        b.waitForPage();
    }

    public int questionCount() {
        return b.driver().findElements(By.cssSelector(".sc-navigator button")).size();
    }

    /** Opens question {@code number} and waits until the server has made it the current one. */
    public void goTo(int number) {
        b.driver().findElements(By.cssSelector(".sc-navigator button")).get(number - 1).click();
        b.waitUpTo(java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> buttons = d.findElements(By.cssSelector(".sc-navigator button"));
            return buttons.size() >= number && buttons.get(number - 1).getAttribute("class").contains("sc-current");
        });
        b.waitForPage();
    }

    /** Answers the questions with these numbers (1-based). */
    public void answer(int... numbers) {
        for (int n : numbers) {
            goTo(n);
            types.add(n + ":" + currentType());
            answerCurrent();
        }
    }

    private final List<String> types = new java.util.ArrayList<>();

    /** The types of the questions answered so far, as "number:type" (for assertion messages). */
    public List<String> answeredTypes() {
        return types;
    }

    public void answerAll() {
        int n = questionCount();
        for (int i = 1; i <= n; i++) {
            goTo(i);
            answerCurrent();
        }
    }

    /** Opens the confirmation, returns the list of unanswered questions it shows, and submits. */
    public String submit() {
        b.click("attemptForm:finish");
        b.find("[id='attemptForm:confirmSubmit']");
        String unanswered = b.driver().findElements(By.id("unanswered")).isEmpty() ? "" : b.text("#unanswered");
        b.click("attemptForm:confirmSubmit");
        b.waitForPath("/learn/result.xhtml");
        return unanswered;
    }
}
