package com.servicecraft.actionplan.web;

import com.servicecraft.actionplan.ActionPlan;
import com.servicecraft.actionplan.ActionPlanService;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * The action plan as a PDF in the reader's language: the trainee's own plan, or with
 * {@code ?plan=} a plan the signed-in trainer may review.
 */
@WebServlet("/learn/action-plan.pdf")
public class ActionPlanPdfServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        ActionPlanService plans = CDI.current().select(ActionPlanService.class).get();
        Optional<ActionPlan> plan;
        try {
            String id = req.getParameter("plan");
            plan = id == null ? plans.mine() : Optional.of(plans.forReview(Long.parseLong(id)));
        } catch (NumberFormatException e) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        } catch (AccessDeniedException e) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (plan.isEmpty()) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Language lang = CDI.current().select(LocaleSwitch.class).get().current();
        res.setContentType("application/pdf");
        res.setHeader("Content-Disposition", "attachment; filename=\"action-plan.pdf\"");
        ActionPlanPdf.write(res.getOutputStream(), plan.get(), plans, lang);
    }
}
