package com.servicecraft.lti;

import java.io.Serializable;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A registration of Servicecraft in an LMS (an LTI 1.3 platform): the platform's issuer, the client
 * id it gave the tool, its OIDC authentication, token and key-set endpoints, and the deployment ids
 * launches may name. A disabled platform refuses every launch.
 */
public record LtiPlatform(Long id, String name, String issuer, String clientId, String authUrl, String tokenUrl,
                          String jwksUrl, String frameOrigins, boolean enabled, List<String> deploymentIds)
        implements Serializable {

    public LtiPlatform {
        deploymentIds = List.copyOf(deploymentIds);
    }

    public boolean hasDeployment(String deploymentId) {
        return deploymentId != null && deploymentIds.contains(deploymentId);
    }

    /**
     * The origins that may frame the tool after a launch from this platform, for the
     * Content-Security-Policy's {@code frame-ancestors}: the configured ones, or else the origins of
     * the issuer and of the authentication URL. Only well-formed http(s) origins are kept.
     */
    public Set<String> allowedFrameOrigins() {
        Set<String> out = new LinkedHashSet<>();
        if (frameOrigins != null && !frameOrigins.isBlank()) {
            for (String o : frameOrigins.trim().split("\\s+")) {
                origin(o).ifPresent(out::add);
            }
        } else {
            origin(issuer).ifPresent(out::add);
            origin(authUrl).ifPresent(out::add);
        }
        return out;
    }

    /** scheme://host[:port] of an http(s) URL, lower case; empty for anything else. */
    static java.util.Optional<String> origin(String url) {
        if (url == null) {
            return java.util.Optional.empty();
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = u.getHost();
            if (!(scheme.equals("https") || scheme.equals("http")) || host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(scheme + "://" + host.toLowerCase(java.util.Locale.ROOT) + (u.getPort() >= 0 ? ":" + u.getPort() : ""));
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }
}
