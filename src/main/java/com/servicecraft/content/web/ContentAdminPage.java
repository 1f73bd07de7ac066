package com.servicecraft.content.web;

import com.servicecraft.content.ContentProblem;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.LoadedContent;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** For administrators: what content is served, its problems, and a reload that never breaks the served course. */
@Named
@ViewScoped
public class ContentAdminPage implements Serializable {
    @Inject
    ContentRepository content;

    private List<ContentProblem> attemptProblems = List.of();
    private boolean attempted;

    public void reload() {
        LoadedContent fresh = content.reload();
        attempted = true;
        attemptProblems = fresh.problems();
        if (fresh.course() == null || fresh.hasErrors()) {
            Messages.error("content.reloadRejected", fresh.problems().stream().filter(ContentProblem::isError).count());
        } else {
            Messages.info("content.reloaded", fresh.course().version());
        }
    }

    public LoadedContent getCurrent() {
        return content.current();
    }

    public List<ContentProblem> getAttemptProblems() { return attemptProblems; }
    public boolean isAttempted() { return attempted; }
}
