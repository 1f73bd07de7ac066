package com.servicecraft.quiz.web;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptReview;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.shared.pdf.PdfReport;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The post-course test result as a PDF, in the reader's language, Chinese rendered with the embedded
 * font; the score only where {@link ReviewPolicy} lets the reader see it.
 */
@WebServlet("/learn/result.pdf")
public class ResultPdfServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        long id;
        try {
            id = Long.parseLong(req.getParameter("id"));
        } catch (NumberFormatException e) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        AttemptService.AttemptData data;
        try {
            data = CDI.current().select(AttemptService.class).get().load(id);
        } catch (AccessDeniedException e) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Attempt a = data.attempt();
        if (a.getStatus().isOpen()) {
            res.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        Language lang = CDI.current().select(LocaleSwitch.class).get().current();
        ContentRepository content = CDI.current().select(ContentRepository.class).get();
        SignedInUser who = CDI.current().select(CurrentUser.class).get().require();
        String title = QuizTitles.title(content, a.getKind(), a.getSourceId(), lang);
        res.setContentType("application/pdf");
        res.setHeader("Content-Disposition", "attachment; filename=\"result-" + id + ".pdf\"");
        try (PdfReport pdf = PdfReport.start(res.getOutputStream(), title)) {
            pdf.heading(title);
            pdf.keyValue(Messages.text(lang.locale(), "pdf.trainee"), a.getUserId() == who.id() ? who.displayName() : "#" + a.getUserId());
            pdf.keyValue(Messages.text(lang.locale(), "quiz.submittedAt"),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(OrganisationZone.zone()).format(a.getSubmittedAt()));
            if (!CDI.current().select(ReviewPolicy.class).get().forViewer(a).score()) {
                pdf.paragraph(Messages.text(lang.locale(), "result.scoreLater"));
                return;
            }
            pdf.keyValue(Messages.text(lang.locale(), "quiz.score"), a.getScorePercent() == null ? "—" : a.getScorePercent() + "%");
            pdf.keyValue(Messages.text(lang.locale(), "pdf.verdict"), Boolean.TRUE.equals(a.getPassed())
                    ? Messages.text(lang.locale(), "result.passed") : Messages.text(lang.locale(), "result.failed"));
            Map<String, Double> byModule = AttemptReview.byModule(data);
            List<String> labels = new ArrayList<>();
            byModule.keySet().forEach(m -> labels.add(content.course() == null ? m
                    : content.course().module(m).map(x -> x.title().in(lang)).orElse(m)));
            if (!byModule.isEmpty()) {
                pdf.barChart(Messages.text(lang.locale(), "result.byModule"), labels, new ArrayList<>(byModule.values()), 100);
            }
        }
    }
}
