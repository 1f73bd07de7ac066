package com.servicecraft.notification;

import com.servicecraft.shared.Language;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Notification texts are filled from their parameters in the reader's language, whatever is missing. */
class NotificationTextsTest {

    @Test
    void placeholdersAreFilledByNameAndMissingOnesLeftEmpty() {
        assertEquals("a 1 b  c {", NotificationTexts.fill("a {x} b {y} c {", Map.of("x", "1")));
        assertEquals("$1 \\ ok", NotificationTexts.fill("{v} ok", Map.of("v", "$1 \\")), "values are taken literally");
    }

    @Test
    void eachKindHasATitleAndATextInBothLanguages() {
        for (NotificationKind kind : NotificationKind.values()) {
            for (Language lang : Language.values()) {
                NotificationTexts.Text t = NotificationTexts.render(kind, "{\"moduleId\":\"m1\",\"dueDate\":\"2026-12-01\"}", null, lang);
                assertEquals(false, t.title().startsWith("notification."), kind + " " + lang + ": " + t.title());
                assertEquals(false, t.body().startsWith("notification."), kind + " " + lang + ": " + t.body());
            }
        }
    }

    @Test
    void workTitlesComeFromTheirKindAndUnreadableParametersAreIgnored() {
        NotificationTexts.Text en = NotificationTexts.render(NotificationKind.WORK_GRADED,
                "{\"workKind\":\"POST_TEST\",\"sourceId\":\"post-test\",\"points\":\"3\",\"maxPoints\":\"4\"}", null, Language.EN);
        assertEquals("Your written work was graded: Post-course test", en.title());
        NotificationTexts.Text broken = NotificationTexts.render(NotificationKind.DUE_SOON, "not json", null, Language.EN);
        assertEquals("Due soon: ", broken.title());
    }
}
