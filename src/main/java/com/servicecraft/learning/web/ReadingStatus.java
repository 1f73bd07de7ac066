package com.servicecraft.learning.web;

import com.servicecraft.learning.ProgressService;
import com.servicecraft.shared.web.Messages;

import java.util.Locale;

/** The lesson page's line about reading time, the same whether rendered by the page or sent by a heartbeat. */
final class ReadingStatus {
    private ReadingStatus() {
    }

    static String text(ProgressService.Reading reading, Locale locale) {
        if (reading.completed()) {
            return "";
        }
        int left = reading.secondsLeft();
        return left == 0 ? Messages.text(locale, "lesson.readingReached")
                : Messages.text(locale, "lesson.readingLeft", left / 60, left % 60);
    }
}
