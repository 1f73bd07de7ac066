package com.servicecraft.access;

import com.servicecraft.shared.web.RawPath;
import com.servicecraft.audit.Refusals;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.FirstRunSetup;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.SignedInUsers;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The gate in front of every page and endpoint (mapped in web.xml, after the security headers).
 * In this order: refuses (400) a raw path that could normalise to another one ({@link RawPath});
 * sends an empty installation to the setup page; refuses (404) a path without a rule
 * ({@link AccessRules}, deny by default); sends anonymous visitors of a closed page to the login
 * page; holds a user with a temporary password on the password page; refuses (403) a user without
 * the role. The rule is looked up on the path the container serves (servlet path + path info),
 * and the user's roles are those of the database now ({@link SignedInUsers}). Every refusal,
 * also an {@link AccessDeniedException} thrown by a service below, is recorded by {@link Refusals}.
 */
public class AccessFilter extends HttpFilter {
    /** Set once a refusal of this request is recorded, so that it is recorded once. */
    public static final String REFUSAL_RECORDED = "servicecraft.refusalRecorded";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String raw = req.getRequestURI().substring(req.getContextPath().length());
        Optional<String> badPath = RawPath.problem(raw.isEmpty() ? "/" : raw);
        if (badPath.isPresent()) {
            refuse(req, res, whoIfAny(req), HttpServletResponse.SC_BAD_REQUEST, "raw path " + badPath.get());
            return;
        }
        String path = RawPath.servedPath(req);
        Optional<AccessRules.Access> rule = AccessRules.accessFor(path);
        boolean setupPage = path.equals("/setup.xhtml") || path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/resources/") || path.equals("/health");
        if (!setupPage && !setup().isSetUp()) {
            redirect(req, res, "/setup.xhtml");
            return;
        }
        if (rule.isEmpty()) {
            refuse(req, res, whoIfAny(req), HttpServletResponse.SC_NOT_FOUND, "no access rule for " + path);
            return;
        }
        if (!rule.get().signInNeeded()) {
            chain(req, res, chain, null);
            return;
        }
        Optional<SignedInUser> user = signedInUsers().of(req);
        if (user.isEmpty()) {
            refusals().record(req, null, HttpServletResponse.SC_FOUND, "sign-in needed");
            String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
            redirect(req, res, "/login.xhtml?next=" + URLEncoder.encode(path + query, StandardCharsets.UTF_8));
            return;
        }
        HttpSession session = req.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.MUST_CHANGE_PASSWORD) != null
                && !path.equals("/account/password.xhtml")) {
            redirect(req, res, "/account/password.xhtml?first=true");
            return;
        }
        if (!rule.get().allows(user.get().roles())) {
            refuse(req, res, user.get(), HttpServletResponse.SC_FORBIDDEN, "needs one of " + rule.get().roles());
            return;
        }
        chain(req, res, chain, user.get());
    }

    /** The signed-in user behind a refused request, if there is a session, for the record. */
    private static SignedInUser whoIfAny(HttpServletRequest req) {
        return req.getSession(false) == null ? null : signedInUsers().of(req).orElse(null);
    }

    /** The path the container serves: already decoded and normalised by it. */
    private static void chain(HttpServletRequest req, HttpServletResponse res, FilterChain chain, SignedInUser user)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException e) {
            AccessDeniedException denied = deniedIn(e);
            if (denied != null && req.getAttribute(REFUSAL_RECORDED) == null) {
                req.setAttribute(REFUSAL_RECORDED, Boolean.TRUE);
                refusals().record(req, user, HttpServletResponse.SC_FORBIDDEN, denied.getMessage());
            }
            throw e;
        }
    }

    /** The access denial behind an exception, however deeply Faces or EL wrapped it. */
    public static AccessDeniedException deniedIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDeniedException a) {
                return a;
            }
        }
        return null;
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse res, SignedInUser user, int status, String why)
            throws IOException {
        req.setAttribute(REFUSAL_RECORDED, Boolean.TRUE);
        refusals().record(req, user, status, why);
        res.sendError(status);
    }

    private static FirstRunSetup setup() {
        return CDI.current().select(FirstRunSetup.class).get();
    }

    private static SignedInUsers signedInUsers() {
        return CDI.current().select(SignedInUsers.class).get();
    }

    private static Refusals refusals() {
        return CDI.current().select(Refusals.class).get();
    }

    /** A redirect that also works for Faces ajax requests, which ignore plain 302s. */
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"XSS_SERVLET", "UNVALIDATED_REDIRECT"},
            justification = "target is a path this filter or SignInTarget chose (never a full URL from the request); it is XML-escaped in the ajax form.")
    static void redirect(HttpServletRequest req, HttpServletResponse res, String target) throws IOException {
        String url = req.getContextPath() + target;
        if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
            res.setContentType("text/xml");
            res.setCharacterEncoding("UTF-8");
            res.getWriter().printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"%s\"></redirect></partial-response>",
                    url.replace("&", "&amp;").replace("\"", "&quot;"));
        } else {
            res.sendRedirect(url);
        }
    }
}
