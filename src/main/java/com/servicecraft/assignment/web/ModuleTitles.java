package com.servicecraft.assignment.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Titles of modules in the reader's language for pages ({@code #{moduleTitles.of(id)}}); an empty or null id is the whole course. */
@Named
@RequestScoped
public class ModuleTitles {
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;

    public String of(String moduleId) {
        Course course = content.course();
        if (course == null) {
            return moduleId == null ? "" : moduleId;
        }
        if (moduleId == null || moduleId.isEmpty()) {
            return course.title().in(locale.current());
        }
        return course.module(moduleId).map(m -> m.title().in(locale.current())).orElse(moduleId);
    }
}
