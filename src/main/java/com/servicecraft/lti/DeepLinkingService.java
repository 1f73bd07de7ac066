package com.servicecraft.lti;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

/**
 * The instructor's side of Deep Linking: the placeable items, and the signed response for the one
 * chosen (trainers and administrators only; audited).
 */
@ApplicationScoped
public class DeepLinkingService {
    /** The {@link DeepLinking.Request} of the session's deep-linking launch. */
    public static final String SESSION_ATTRIBUTE = "servicecraft.lti.deepLinking";

    private final ContentRepository content;
    private final ToolKeys keys;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public DeepLinkingService(ContentRepository content, ToolKeys keys, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.content = content;
        this.keys = keys;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public List<DeepLinking.Item> items() {
        currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        return DeepLinking.items(content.course());
    }

    /** The signed LtiDeepLinkingResponse placing {@code target} (one of {@link #items()}). */
    public String respond(DeepLinking.Request request, String target, String title, String launchUrl) {
        SignedInUser user = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        DeepLinking.Item item = DeepLinking.items(content.course()).stream().filter(i -> i.target().equals(target)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lti.deepLink.unknownItem"));
        String jwt = DeepLinking.response(request, item, title, launchUrl, keys.signingKey(), clock);
        audit.record(user.id(), user.username(), LtiLaunchService.AUDIT_CHANNEL, "lti.deeplink",
                "platform=" + request.platformId() + " target=" + target, null, "ok");
        return jwt;
    }
}
