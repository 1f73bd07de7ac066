package com.servicecraft.lti.web;

import com.servicecraft.lti.LtiProvisioning;
import com.servicecraft.lti.RosterSync;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Trainer → LMS courses: the groups that came from LMS courses (the trainer's own; an administrator
 * sees all), each with "Refresh members from the LMS" (Names and Role Provisioning).
 */
@Named
@ViewScoped
public class LmsCoursesPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    RosterSync roster;

    private List<RosterSync.LmsCourse> courses;

    @PostConstruct
    void load() {
        courses = roster.myCourses();
    }

    public void refresh(RosterSync.LmsCourse c) {
        try {
            LtiProvisioning.SyncResult r = roster.sync(c.groupId());
            Messages.info("lti.roster.done", c.groupName(), r.added(), r.kept(), r.removed());
        } catch (UserInputException e) {
            Messages.error(e);
        }
        courses = roster.myCourses();
    }

    public List<RosterSync.LmsCourse> getCourses() { return courses; }
}
