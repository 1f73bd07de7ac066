package com.servicecraft.certificate.web;

import com.servicecraft.shared.settings.Settings;
import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.certificate.Certificate;
import com.servicecraft.certificate.CertificatePdf;
import com.servicecraft.certificate.CertificateService;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /learn/certificate.pdf}: the signed-in trainee's certificate (issued on the spot if
 * they completed the course and the job has not yet run); 404 while there is none.
 */
@WebServlet("/learn/certificate.pdf")
public class CertificatePdfServlet extends HttpServlet {
    /** The organisation named on certificates. */

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        SignedInUser me = CDI.current().select(CurrentUser.class).get().require();
        Optional<Certificate> cert = CDI.current().select(CertificateService.class).get().issueFor(me.id());
        if (cert.isEmpty()) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Language lang = CDI.current().select(LocaleSwitch.class).get().current();
        Locale l = lang.locale();
        Certificate c = cert.get();
        Course course = CDI.current().select(ContentRepository.class).get().course();
        Language other = lang == Language.EN ? Language.ZH_CN : Language.EN;
        String[] courseTitles = course != null && course.id().equals(c.courseId())
                ? new String[] {course.title().in(lang), course.title().in(other)} : new String[] {c.courseId()};
        String verifyUrl = req.getScheme() + "://" + req.getServerName()
                + (req.getServerPort() == 80 || req.getServerPort() == 443 ? "" : ":" + req.getServerPort())
                + req.getContextPath() + "/verify/" + c.number();
        res.setContentType("application/pdf");
        res.setHeader("Content-Disposition", "attachment; filename=\"certificate-" + c.number() + ".pdf\"");
        CertificatePdf.write(res.getOutputStream(), c, courseTitles, Settings.current().organisationName(), l, OrganisationZone.zone(), verifyUrl);
    }
}
