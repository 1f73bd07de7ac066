package com.servicecraft.shared.web;

import com.servicecraft.identity.FirstRunSetup;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The gate in front of every page and endpoint: sends an empty installation to the setup page,
 * anonymous visitors to the login page, and answers 403 to a signed-in user without the role.
 */
@WebFilter(filterName = "access", urlPatterns = "/*")
public class AccessFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.isEmpty()) {
            path = "/";
        }
        boolean isResource = path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")
                || path.startsWith("/health");
        if (!isResource && !path.startsWith("/setup.xhtml") && !setup().isSetUp()) {
            redirect(req, res, "/setup.xhtml");
            return;
        }
        if (AccessRules.isPublic(path)) {
            chain.doFilter(req, res);
            return;
        }
        HttpSession session = req.getSession(false);
        SignedInUser user = session == null ? null : (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        if (user == null) {
            String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
            redirect(req, res, "/login.xhtml?next=" + URLEncoder.encode(path + query, StandardCharsets.UTF_8));
            return;
        }
        if (session.getAttribute(SignedInUser.MUST_CHANGE_PASSWORD) != null && !path.startsWith("/account/password.xhtml")) {
            redirect(req, res, "/account/password.xhtml?first=true");
            return;
        }
        Set<Role> needed = AccessRules.rolesFor(path);
        if (!needed.isEmpty() && !user.hasAnyRole(needed)) {
            String p = path;
            LOG.warning(() -> "403: " + user.username() + " " + req.getMethod() + " " + p);
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(req, res);
    }

    private static FirstRunSetup setup() {
        return CDI.current().select(FirstRunSetup.class).get();
    }

    /** A redirect that also works for Faces ajax requests, which ignore plain 302s. */
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
