package com.servicecraft.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * LTI Deep Linking 2.0: what an instructor may place in the LMS (the course, a module, a lesson, a
 * module quiz, the post-course test) and the signed {@code LtiDeepLinkingResponse} that carries the
 * choice back: one {@code ltiResourceLink} whose custom parameter {@code servicecraft_target} says
 * what it opens, with a line item when the item is graded. Signed with the tool's current key.
 */
public final class DeepLinking {
    /** Lifetime of the response JWT: the browser posts it at once. */
    public static final Duration RESPONSE_LIFETIME = Duration.ofMinutes(5);

    /** A deep-linking launch in progress, kept in the instructor's session until they choose. */
    public record Request(long platformId, String clientId, String issuer, String deploymentId, String returnUrl, String data)
            implements Serializable {
    }

    /** Something an instructor can place: its target and its titles. */
    public record Item(String target, String kind, LocalizedText title, boolean graded) implements Serializable {
        public String title(Language language) {
            return title.in(language);
        }
    }

    private DeepLinking() {
    }

    /** Everything placeable, in course order: the course, then per module the module, its lessons and its quiz; the post-course test. */
    public static List<Item> items(Course course) {
        List<Item> out = new ArrayList<>();
        out.add(new Item("course", "course", course.title(), false));
        for (CourseModule m : course.modules()) {
            out.add(new Item("module:" + m.id(), "module", m.title(), false));
            for (Lesson l : m.lessons()) {
                out.add(new Item("lesson:" + l.id(), "lesson", LocalizedText.of(l.title(Language.ZH_CN), l.title(Language.EN)), false));
            }
            if (m.hasQuiz()) {
                out.add(new Item("quiz:" + m.id(), "quiz", m.title(), true));
            }
        }
        out.add(new Item("posttest", "posttest", LocalizedText.of("结业测试", "Post-course test"), true));
        return out;
    }

    /** The signed response for one chosen item, to post to the platform's deep_link_return_url as {@code JWT}. */
    public static String response(Request request, Item item, String title, String launchUrl, RSAKey key, Clock clock) {
        Instant now = clock.instant();
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("type", "ltiResourceLink");
        link.put("title", title);
        link.put("url", launchUrl);
        link.put("custom", Map.of(LaunchTarget.CUSTOM_PARAMETER, item.target()));
        if (item.graded()) {
            link.put("lineItem", Map.of("scoreMaximum", 100, "label", title, "resourceId", item.target()));
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.clientId())
                .audience(request.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(RESPONSE_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LaunchValidator.LTI + "deployment_id", request.deploymentId())
                .claim(LaunchValidator.LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(LaunchValidator.LTI + "version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items", List.of(link));
        if (request.data() != null) {
            claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/data", request.data());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the deep-linking response", e);
        }
    }
}
