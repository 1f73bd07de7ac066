package com.servicecraft.learning.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.content.LessonRenderer;
import com.servicecraft.content.LessonSource;
import com.servicecraft.content.ContentException;
import com.servicecraft.shared.Language;
import com.servicecraft.learning.CourseOutline;
import com.servicecraft.learning.LessonProgress;
import com.servicecraft.learning.ProgressService;
import com.servicecraft.shared.web.AutosaveToken;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** One lesson: rendered text, table of contents, previous/next, time spent and "I have read it". */
@Named
@ViewScoped
public class LessonPage implements Serializable {
    @Inject
    ContentRepository content;
    @Inject
    ProgressService progress;
    @Inject
    LocaleSwitch locale;

    private String id;
    private transient Lesson lesson;
    private String html;
    private List<LessonRenderer.Heading> headings;
    private String previousId;
    private String nextId;
    private boolean completed;
    private ProgressService.Reading reading;

    public void onLoad() throws IOException {
        Course course = content.course();
        lesson = CourseOutline.find(course, id).orElse(null);
        if (lesson == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "no such lesson");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        List<Lesson> order = CourseOutline.readingOrder(course);
        int i = order.indexOf(lesson);
        previousId = i > 0 ? order.get(i - 1).id() : null;
        nextId = i < order.size() - 1 ? order.get(i + 1).id() : null;
        render(course);
        show(progress.opened(lesson.moduleId(), lesson.id()));
    }

    private void show(ProgressService.Reading r) {
        reading = r;
        completed = r.completed();
    }

    private void render(Course course) {
        Lesson.LessonText text = lesson.textOrFallback(locale.current());
        try {
            LessonSource src = LessonSource.parse(text.file(), "---\n---\n" + text.markdown());
            LessonRenderer.Rendered r = LessonRenderer.render(src.parts(), locale.current(),
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/learn/media/" + lesson.moduleId() + "/",
                    exerciseId -> course.exercise(exerciseId)
                            .map(e -> "<p class=\"sc-embed\"><a href=\"" + FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                                    + "/learn/quiz.xhtml?exercise=" + e.id() + "\">" + Messages.text("lesson.exercise") + " " + escape(e.title().in(locale.current())) + "</a></p>")
                            .orElse(""));
            html = r.html();
            headings = r.headings();
        } catch (ContentException e) {
            html = "";
            headings = List.of();
        }
    }

    /** "I have read this lesson": refused, saying how long is left, until the engaged reading time is reached. */
    public String markRead() {
        if (lesson == null && !reload()) {
            return null;
        }
        show(progress.completed(lesson.moduleId(), lesson.id()));
        if (!completed) {
            Messages.error("lesson.readingTooShort", reading.secondsLeft() / 60, reading.secondsLeft() % 60);
            return null;
        }
        Messages.info("lesson.completed");
        return nextId == null ? "/learn/course?faces-redirect=true" : "/learn/lesson?faces-redirect=true&id=" + nextId;
    }

    /** After deserialization of the view (the lesson itself is not kept in the session). */
    private boolean reload() {
        lesson = CourseOutline.find(content.course(), id).orElse(null);
        return lesson != null;
    }

    public boolean isTranslationMissing() {
        return lesson != null && lesson.text(locale.current()).isEmpty();
    }

    public String getTitle() {
        return lesson == null ? "" : lesson.title(locale.current());
    }

    public String getModuleTitle() {
        if (lesson == null) {
            return "";
        }
        return content.course().module(lesson.moduleId()).map(CourseModule::title).map(t -> t.in(locale.current())).orElse("");
    }

    public int getMinutes() {
        return lesson == null ? 0 : lesson.minutes();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public Language getLanguage() { return locale.current(); }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getHtml() { return html; }
    public List<LessonRenderer.Heading> getHeadings() { return headings; }
    public String getPreviousId() { return previousId; }
    public String getNextId() { return nextId; }
    public boolean isCompleted() { return completed; }

    /** Engaged reading seconds still needed (the heartbeat script updates the figure as time passes). */
    public int getSecondsLeft() {
        return reading == null ? 0 : reading.secondsLeft();
    }

    public String getReadingStatus() {
        return reading == null ? "" : ReadingStatus.text(reading, locale.current().locale());
    }

    /** Seconds between the page's reading heartbeats. */
    public long getHeartbeatSeconds() {
        return LessonProgress.HEARTBEAT.getSeconds();
    }

    /** The per-session token the heartbeat script sends along (the autosave's, see {@link AutosaveToken}). */
    public String getReadingToken() {
        return AutosaveToken.of((HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true));
    }
}
