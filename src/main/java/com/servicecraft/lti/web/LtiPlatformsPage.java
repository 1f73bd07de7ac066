package com.servicecraft.lti.web;

import com.servicecraft.lti.LtiAdministration;
import com.servicecraft.lti.LtiPlatform;
import com.servicecraft.lti.ToolKeys;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Administration → LTI platforms: the registered platforms (add, edit, enable, disable), the values
 * to enter in an LMS, and the tool's signing keys (ids and dates only) with "rotate".
 */
@Named
@ViewScoped
public class LtiPlatformsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    LtiAdministration administration;

    private List<LtiPlatform> platforms;
    private List<ToolKeys.KeyInfo> keys;
    private List<com.servicecraft.lti.ScoreOutbox.Entry> scores;
    private ToolUrls urls;
    private Form form = new Form();

    /** The platform being added or edited. */
    public static class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private String name;
        private String issuer;
        private String clientId;
        private String authUrl;
        private String tokenUrl;
        private String jwksUrl;
        private String frameOrigins;
        private String deployments;
        private boolean enabled = true;

        LtiPlatform toPlatform() {
            List<String> ids = deployments == null ? List.of()
                    : Arrays.stream(deployments.split("[\\r\\n,]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
            return new LtiPlatform(id, trim(name), trim(issuer), trim(clientId), trim(authUrl), trim(tokenUrl), trim(jwksUrl),
                    trim(frameOrigins), enabled, ids);
        }

        static Form of(LtiPlatform p) {
            Form f = new Form();
            f.id = p.id();
            f.name = p.name();
            f.issuer = p.issuer();
            f.clientId = p.clientId();
            f.authUrl = p.authUrl();
            f.tokenUrl = p.tokenUrl();
            f.jwksUrl = p.jwksUrl();
            f.frameOrigins = p.frameOrigins();
            f.deployments = String.join("\n", p.deploymentIds());
            f.enabled = p.enabled();
            return f;
        }

        private static String trim(String s) {
            return s == null ? null : s.trim();
        }

        public Long getId() { return id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        public String getClientId() { return clientId; }
        public void setClientId(String clientId) { this.clientId = clientId; }
        public String getAuthUrl() { return authUrl; }
        public void setAuthUrl(String authUrl) { this.authUrl = authUrl; }
        public String getTokenUrl() { return tokenUrl; }
        public void setTokenUrl(String tokenUrl) { this.tokenUrl = tokenUrl; }
        public String getJwksUrl() { return jwksUrl; }
        public void setJwksUrl(String jwksUrl) { this.jwksUrl = jwksUrl; }
        public String getFrameOrigins() { return frameOrigins; }
        public void setFrameOrigins(String frameOrigins) { this.frameOrigins = frameOrigins; }
        public String getDeployments() { return deployments; }
        public void setDeployments(String deployments) { this.deployments = deployments; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }

    public void onLoad() {
        urls = ToolUrls.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
        reload();
    }

    private void reload() {
        platforms = administration.platforms();
        keys = administration.keys();
        scores = administration.scores();
    }

    public List<com.servicecraft.lti.ScoreOutbox.Entry> getScores() { return scores; }

    public void edit(LtiPlatform p) {
        form = Form.of(p);
    }

    public void startNew() {
        form = new Form();
    }

    public void save() {
        try {
            administration.save(form.toPlatform());
            Messages.info("lti.admin.saved", form.getName());
            form = new Form();
        } catch (UserInputException e) {
            Messages.error(e, field -> "platformForm:" + field);
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
        reload();
    }

    public void toggle(LtiPlatform p) {
        administration.setEnabled(p.id(), !p.enabled());
        Messages.info(p.enabled() ? "lti.admin.disabled" : "lti.admin.enabled", p.name());
        reload();
    }

    public void rotate() {
        String kid = administration.rotateKey();
        Messages.info("lti.admin.rotated", kid);
        reload();
    }

    public List<LtiPlatform> getPlatforms() { return platforms; }
    public List<ToolKeys.KeyInfo> getKeys() { return keys; }
    public ToolUrls getUrls() { return urls; }
    public Form getForm() { return form; }
}
