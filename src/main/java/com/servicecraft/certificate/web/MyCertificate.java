package com.servicecraft.certificate.web;

import com.servicecraft.certificate.Certificate;
import com.servicecraft.certificate.CertificateService;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.ModuleFacts;
import com.servicecraft.learning.MyCourseFacts;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in trainee's certificate for the menu and the home page: the link only where a
 * certificate exists, otherwise what is still needed to earn it. Nobody else has a certificate link.
 */
@Named
@RequestScoped
public class MyCertificate {
    @Inject
    CurrentUser currentUser;
    @Inject
    CertificateService certificates;
    @Inject
    ContentRepository content;
    @Inject
    MyCourseFacts facts;
    @Inject
    LocaleSwitch locale;

    private Optional<Certificate> certificate;

    public boolean isTrainee() {
        return currentUser.isSignedIn() && currentUser.hasRole(Role.TRAINEE);
    }

    public boolean isAvailable() {
        return certificate().isPresent();
    }

    public String getNumber() {
        return certificate().map(Certificate::number).orElse(null);
    }

    /** What is left before the certificate is issued: each unfinished module, then the post-course test. */
    public List<String> getLeft() {
        if (!isTrainee() || isAvailable()) {
            return List.of();
        }
        Course course = content.course();
        if (course == null) {
            return List.of();
        }
        CourseFacts mine = facts.mine().orElse(null);
        if (mine == null) {
            return List.of();
        }
        List<String> left = new ArrayList<>();
        for (ModuleFacts m : mine.modules().values()) {
            if (!m.completed()) {
                left.add(course.module(m.moduleId()).map(x -> x.title().in(locale.current())).orElse(m.moduleId()));
            }
        }
        if (mine.postTestRequired() && !mine.postTestPassed()) {
            left.add(Messages.text("certificate.left.postTest"));
        }
        return left;
    }

    private Optional<Certificate> certificate() {
        if (certificate == null) {
            certificate = isTrainee() ? certificates.forUser(currentUser.require().id()) : Optional.empty();
        }
        return certificate;
    }
}
