package com.servicecraft.lti;

import java.util.List;
import java.util.Map;

/**
 * A validated LTI 1.3 launch: what the platform's id_token says about the person, the context and
 * the resource link, with the service endpoints later parts use (names and roles, grades).
 */
public record Launch(LtiPlatform platform, String messageType, String deploymentId, String subject,
                     String name, String email, String locale, List<String> roles,
                     String contextId, String contextTitle, String resourceLinkId, String resourceLinkTitle,
                     String targetLinkUri, Map<String, String> custom,
                     String membershipsUrl, String lineItemsUrl, String lineItemUrl, List<String> agsScopes,
                     String deepLinkReturnUrl, String deepLinkData) {
    public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING = "LtiDeepLinkingRequest";

    public Launch {
        roles = List.copyOf(roles);
        custom = Map.copyOf(custom);
        agsScopes = List.copyOf(agsScopes);
    }

    public boolean isDeepLinking() {
        return DEEP_LINKING.equals(messageType);
    }
}
