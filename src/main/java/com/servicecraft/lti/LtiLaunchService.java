package com.servicecraft.lti;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.lti.LaunchRefused.Reason;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LogSafe;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * LTI 1.3 launches from registered platforms: the OIDC third-party login initiation (answered with
 * the platform's authentication request, carrying a fresh state and nonce), then the launch itself
 * (the id_token validated by {@link LaunchValidator}, the person, group and resource link
 * provisioned by {@link LtiProvisioning}) and its audit entry. A refused launch creates nothing
 * and is logged and audited with its reason and correlation id.
 */
@ApplicationScoped
public class LtiLaunchService {
    private static final Logger LOG = Logger.getLogger(LtiLaunchService.class.getName());
    public static final String AUDIT_CHANNEL = "lti";

    /** Where the browser goes after login initiation. */
    public record LoginRedirect(String url, LtiPlatform platform) {
    }

    /** A finished launch: who is signed in, where they land, in which language, and who may frame them. */
    public record Landing(SignedInUser user, String targetPath, Language language, Set<String> frameOrigins, String ticket,
                          Long groupId, DeepLinking.Request deepLinking) {
    }

    /** Where an instructor chooses what to place in the LMS. */
    public static final String DEEP_LINK_PAGE = "/lti/deep-link.xhtml";

    private final LtiPlatforms platforms;
    private final LaunchStates states;
    private final LaunchValidator validator;
    private final LtiProvisioning provisioning;
    private final AuditLog audit;
    private final Supplier<Course> course;

    @Inject
    public LtiLaunchService(LtiPlatforms platforms, LaunchStates states, Transactions tx, Clock clock, PasswordHasher hasher,
                            AuditLog audit, ContentRepository content) {
        this(platforms, states, tx, clock, hasher, audit, content::course);
    }

    LtiLaunchService(LtiPlatforms platforms, LaunchStates states, Transactions tx, Clock clock, PasswordHasher hasher,
                     AuditLog audit, Supplier<Course> course) {
        this.platforms = platforms;
        this.states = states;
        this.validator = new LaunchValidator(clock);
        this.provisioning = new LtiProvisioning(tx, clock, hasher);
        this.audit = audit;
        this.course = course;
    }

    /**
     * Answers a login initiation (LTI Core 1.3 §5.1.1; IMS Security Framework §5.1.1.1) with the
     * authentication request to the platform: response_type id_token, response_mode form_post,
     * prompt none, scope openid, and this launch's state and nonce.
     */
    public LoginRedirect initiate(Map<String, String> params, String redirectUri) throws LaunchRefused {
        String iss = params.get("iss");
        String loginHint = params.get("login_hint");
        String targetLinkUri = params.get("target_link_uri");
        if (blank(iss) || blank(loginHint) || blank(targetLinkUri)) {
            throw new LaunchRefused(Reason.BAD_REQUEST, "iss, login_hint and target_link_uri are required");
        }
        LtiPlatform platform = platforms.find(iss, params.get("client_id"))
                .orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_PLATFORM, "no platform registered for iss " + iss
                        + " and client_id " + params.get("client_id")));
        if (!platform.enabled()) {
            throw new LaunchRefused(Reason.PLATFORM_DISABLED, "platform " + platform.id() + " is disabled", platform);
        }
        String deployment = params.get("lti_deployment_id");
        if (!blank(deployment) && !platform.hasDeployment(deployment)) {
            throw new LaunchRefused(Reason.UNKNOWN_DEPLOYMENT, "deployment " + deployment + " is not registered", platform);
        }
        LaunchStates.Pending pending = states.begin(platform.id(), targetLinkUri);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("scope", "openid");
        q.put("response_type", "id_token");
        q.put("response_mode", "form_post");
        q.put("prompt", "none");
        q.put("client_id", platform.clientId());
        q.put("redirect_uri", redirectUri);
        q.put("login_hint", loginHint);
        q.put("state", pending.state());
        q.put("nonce", pending.nonce());
        if (!blank(params.get("lti_message_hint"))) {
            q.put("lti_message_hint", params.get("lti_message_hint"));
        }
        StringBuilder url = new StringBuilder(platform.authUrl()).append(platform.authUrl().contains("?") ? '&' : '?');
        q.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        url.setLength(url.length() - 1);
        URI checked = URI.create(url.toString());
        return new LoginRedirect(checked.toString(), platform);
    }

    /** Validates the id_token posted with {@code state}, provisions, audits; the landing of the signed-in person. */
    public Landing launch(String state, String idToken) throws LaunchRefused {
        LaunchStates.Pending pending = states.use(state)
                .orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_STATE, "state unknown, expired or already used"));
        LtiPlatform platform = platforms.find(pending.platformId())
                .orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_PLATFORM, "platform " + pending.platformId() + " was removed"));
        Launch launch = validator.validate(platform, pending.nonce(), idToken);
        Set<Role> roles = LtiRoles.servicecraftRoles(launch.roles());
        if (launch.isDeepLinking() && !(roles.contains(Role.TRAINER) || roles.contains(Role.ADMIN))) {
            throw new LaunchRefused(Reason.ROLE_NOT_ALLOWED, "deep linking by a learner", platform);
        }
        LaunchTarget target = launch.isDeepLinking() ? LaunchTarget.COURSE
                : LaunchTarget.of(launch.custom(), launch.targetLinkUri(), course.get());
        Optional<Language> asked = Language.fromTag(launch.locale());
        LtiProvisioning.Provisioned p;
        try {
            p = provisionOnce(launch, asked.orElse(Language.ZH_CN), target);
        } catch (LtiProvisioning.Inactive e) {
            throw new LaunchRefused(Reason.ACCOUNT_INACTIVE, e.getMessage(), platform);
        }
        Language language = asked.orElse(p.user().getPreferredLanguage());
        String landingPath = launch.isDeepLinking() ? DEEP_LINK_PAGE : target.path();
        String ticket = states.issueTicket(pending.state(), new LaunchStates.Ticket(p.user().getId(), landingPath, language, platform.id()));
        audit.record(p.user().getId(), p.user().getUsername(), AUDIT_CHANNEL, "lti.launch",
                "platform=" + platform.name() + " type=" + launch.messageType() + " context=" + launch.contextId()
                        + " link=" + launch.resourceLinkId() + " target=" + target.spec(), null, "ok");
        DeepLinking.Request deepLinking = launch.isDeepLinking() ? new DeepLinking.Request(platform.id(), platform.clientId(),
                platform.issuer(), launch.deploymentId(), launch.deepLinkReturnUrl(), launch.deepLinkData()) : null;
        return new Landing(SignedInUser.of(p.user()), landingPath, language, platform.allowedFrameOrigins(), ticket, p.groupId(),
                deepLinking);
    }

    /**
     * Two first launches of one person (or one context) at the same moment: one of them meets the
     * other's unique key and is rolled back; done again, it finds what the other created.
     */
    private LtiProvisioning.Provisioned provisionOnce(Launch launch, Language language, LaunchTarget target) {
        try {
            return provisioning.provision(launch, language, target);
        } catch (jakarta.persistence.PersistenceException raced) {
            LOG.info(() -> "LTI provisioning raced another launch, once more: " + raced.getMessage());
            return provisioning.provision(launch, language, target);
        }
    }

    /** Logs and audits a refusal (nothing else is written). */
    public void refused(LaunchRefused e, String step, String correlationId, String remoteAddress) {
        LOG.warning(() -> "LTI " + step + " refused [" + correlationId + "] from " + LogSafe.text(remoteAddress) + ": "
                + e.reason().code() + ": " + LogSafe.text(e.getMessage()));
        String platform = e.platform() == null ? "-" : e.platform().name();
        try {
            audit.record(null, "", AUDIT_CHANNEL, "lti." + step, "platform=" + platform + " reason=" + e.reason().code()
                    + " correlation=" + correlationId, null, "refused");
        } catch (IllegalStateException auditFailed) {
            LOG.warning(() -> "LTI refusal [" + correlationId + "] could not be audited: " + auditFailed.getMessage());
        }
    }

    /** The launch ticket, unused and fresh (the landing page checks it before using it). */
    public Optional<LaunchStates.Ticket> peekTicket(String ticket) {
        return states.peekTicket(ticket);
    }

    public Optional<LaunchStates.Ticket> useTicket(String ticket) {
        return states.useTicket(ticket);
    }

    /** The cached key sets are dropped (a platform's key set URL may have changed). */
    public void platformsChanged() {
        validator.forgetKeySets();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
