package com.servicecraft.grading.web;

import com.servicecraft.grading.GradingService;
import com.servicecraft.grading.WrittenGrade;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** One written answer graded against its rubric: points per criterion and a comment. */
@Named
@ViewScoped
public class GradePage implements Serializable {
    @Inject
    GradingService grading;
    @Inject
    LocaleSwitch locale;

    private long item;
    private GradingService.Work work;
    private final Map<String, Integer> points = new HashMap<>();
    private String comment;

    public void onLoad() {
        try {
            work = grading.open(item, locale.current());
        } catch (UserInputException e) {
            Messages.error(e);
        }
    }

    public String save() {
        try {
            WrittenGrade g = grading.grade(item, points, comment);
            Messages.info(g.attemptCompleted() ? "grading.doneComplete" : "grading.done", work.displayName(), g.points(), g.maxPoints());
            return "/trainer/grading?faces-redirect=true";
        } catch (UserInputException e) {
            Messages.error(e);
            return null;
        }
    }

    public long getItem() { return item; }
    public void setItem(long item) { this.item = item; }
    public GradingService.Work getWork() { return work; }
    public Map<String, Integer> getPoints() { return points; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
