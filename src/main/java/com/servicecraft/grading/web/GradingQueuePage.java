package com.servicecraft.grading.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.grading.GradingService;
import com.servicecraft.notification.NotificationTexts;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Written answers waiting for this trainer, oldest first. */
@Named
@ViewScoped
public class GradingQueuePage implements Serializable {
    @Inject
    GradingService grading;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;

    private List<GradingService.Waiting> waiting;

    @PostConstruct
    void load() {
        waiting = grading.queue();
    }

    public String title(GradingService.Waiting w) {
        return NotificationTexts.work(w.kind(), w.sourceId(), content.course(), locale.current());
    }

    public List<GradingService.Waiting> getWaiting() {
        return waiting;
    }
}
