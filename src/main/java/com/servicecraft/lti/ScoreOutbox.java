package com.servicecraft.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.servicecraft.audit.AuditLog;
import com.servicecraft.shared.LogSafe;
import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends the scores {@link LtiScores} put in {@code lti_score_outbox} to the platforms' gradebooks
 * (LTI Assignment and Grade Services 2.0: a POST of {@code application/vnd.ims.lis.v1.score+json}
 * to the line item's {@code /scores}), every {@value #INTERVAL_SECONDS} s on every node. The claim
 * is the mail outbox's: a conditional UPDATE that sets this node's name and a lease, only while
 * the row is PENDING, due and nobody holds an unexpired claim; so several nodes send each score
 * once. A score waits while an older score for the same line item and person is still pending,
 * so they arrive in order. A failed send keeps the row PENDING with the error and the next try
 * (1, 2, 4 … minutes, at most an hour apart), and gives up as FAILED after {@value #MAX_ATTEMPTS}
 * tries. Every score sent or given up is in the audit log. A node that dies between the platform's
 * answer and marking the row may send it again once its lease ran out: the score is the same, so
 * the gradebook shows the same.
 */
@ApplicationScoped
public class ScoreOutbox {
    private static final Logger LOG = Logger.getLogger(ScoreOutbox.class.getName());
    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final int INTERVAL_SECONDS = 10;
    static final int MAX_ATTEMPTS = 24;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 50;

    /** A row as administrators see it (no token, no key: only what was sent and what went wrong). */
    public record Entry(long id, String platformName, String lineItemUrl, String subject, long userId, Double scoreGiven,
                        Double scoreMaximum, String gradingProgress, String state, int attempts, Instant nextTryAt,
                        String lastError, Instant sentAt, Instant createdAt) implements Serializable {
    }

    private record Score(long id, long platformId, String lineItemUrl, String subject, long userId, Long attemptId,
                         Double scoreGiven, Double scoreMaximum, String activityProgress, String gradingProgress, Instant timestamp) {
    }

    private final Transactions tx;
    private final Clock clock;
    private final LtiPlatforms platforms;
    private final AuditLog audit;
    private final ServiceTokens tokens;
    private final HttpClient http;
    private final PeriodicJobs jobs;
    private final String node;

    @Inject
    public ScoreOutbox(Transactions tx, Clock clock, LtiPlatforms platforms, ToolKeys keys, AuditLog audit, PeriodicJobs jobs) {
        this.tx = tx;
        this.clock = clock;
        this.platforms = platforms;
        this.audit = audit;
        this.jobs = jobs;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new ServiceTokens(keys, clock, http);
        this.node = nodeName();
    }

    public void start() {
        Duration every = Duration.ofSeconds(INTERVAL_SECONDS);
        jobs.every("lti-score-outbox", every, every, () -> {
            int sent = runOnce();
            if (sent > 0) {
                LOG.info(() -> "LTI: sent " + sent + " score(s)");
            }
        });
    }

    /** One pass: claims what is due, sends it, marks it. Returns the number of scores this call delivered. */
    public int runOnce() {
        int sent = 0;
        for (int round = 0; round < 20; round++) {
            Instant now = clock.instant();
            List<Long> due = tx.read(em -> em.createNativeQuery("SELECT id FROM lti_score_outbox WHERE state = 'PENDING' AND next_try_at <= ?"
                            + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now)).setMaxResults(BATCH).getResultList()
                    .stream().map(o -> ((Number) o).longValue()).toList());
            for (long id : due) {
                if (claim(id, now)) {
                    sent += deliver(id) ? 1 : 0;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return sent;
    }

    /** The conditional UPDATE: true when this node now holds the row's claim (and no older score for the same line item waits). */
    boolean claim(long id, Instant now) {
        return tx.inTransactionRetryingDeadlocks(em -> {
            List<?> row = em.createNativeQuery("SELECT platform_id, lineitem_url, subject FROM lti_score_outbox WHERE id = ? FOR UPDATE")
                    .setParameter(1, id).getResultList();
            if (row.isEmpty()) {
                return false;
            }
            Object[] r = (Object[]) row.get(0);
            Number older = (Number) em.createNativeQuery("SELECT COUNT(*) FROM lti_score_outbox WHERE platform_id = ? AND lineitem_url = ?"
                            + " AND subject = ? AND state = 'PENDING' AND id < ?")
                    .setParameter(1, r[0]).setParameter(2, r[1]).setParameter(3, r[2]).setParameter(4, id).getSingleResult();
            if (older.longValue() > 0) {
                return false;
            }
            return em.createNativeQuery("UPDATE lti_score_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND state = 'PENDING'"
                            + " AND next_try_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)")
                    .setParameter(1, node).setParameter(2, Timestamp.from(now.plus(LEASE))).setParameter(3, id)
                    .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(now)).executeUpdate() == 1;
        });
    }

    private boolean deliver(long id) {
        Score s = tx.read(em -> {
            Object[] r = (Object[]) em.createNativeQuery("SELECT id, platform_id, lineitem_url, subject, user_id, attempt_id, score_given,"
                    + " score_maximum, activity_progress, grading_progress, score_timestamp FROM lti_score_outbox WHERE id = ?")
                    .setParameter(1, id).getSingleResult();
            return new Score(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                    ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(),
                    r[6] == null ? null : ((Number) r[6]).doubleValue(), r[7] == null ? null : ((Number) r[7]).doubleValue(),
                    (String) r[8], (String) r[9], instant(r[10]));
        });
        Optional<LtiPlatform> platform = platforms.find(s.platformId());
        if (platform.isEmpty() || !platform.get().enabled()) {
            retryLater(s, "the platform is disabled or gone");
            return false;
        }
        try {
            String token = tokens.token(platform.get(), SCORE_SCOPE);
            HttpResponse<String> response = post(s, token);
            if (response.statusCode() == 401) {
                tokens.forget(platform.get(), SCORE_SCOPE);
            }
            if (response.statusCode() / 100 != 2) {
                retryLater(s, "HTTP " + response.statusCode() + " from " + scoresUrl(s.lineItemUrl()));
                return false;
            }
        } catch (IOException | RuntimeException e) {
            retryLater(s, e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(s, "interrupted");
            return false;
        }
        int marked = tx.inTransaction(em -> em.createNativeQuery("UPDATE lti_score_outbox SET state = 'SENT', sent_at = ?, claimed_until = NULL,"
                        + " attempts = attempts + 1, last_error = NULL WHERE id = ? AND claimed_by = ? AND state = 'PENDING'")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, id).setParameter(3, node).executeUpdate());
        audit.record(s.userId(), "lti-outbox", LtiLaunchService.AUDIT_CHANNEL, "lti.score.sent", describe(s), 1L, "ok");
        return marked == 1;
    }

    private HttpResponse<String> post(Score s, String token) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", s.subject());
        if (s.scoreGiven() != null) {
            body.put("scoreGiven", s.scoreGiven());
            body.put("scoreMaximum", s.scoreMaximum());
        }
        body.put("activityProgress", s.activityProgress());
        body.put("gradingProgress", s.gradingProgress());
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(s.timestamp().truncatedTo(ChronoUnit.MILLIS)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(scoresUrl(s.lineItemUrl()))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", SCORE_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code <line item>/scores}, with the line item's query string kept after the path (AGS 2.0 §3.4). */
    static String scoresUrl(String lineItemUrl) {
        try {
            URI u = new URI(lineItemUrl);
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            String scores = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores";
            return u.getScheme() + "://" + u.getRawAuthority() + scores + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a line item URL: " + LogSafe.text(lineItemUrl));
        }
    }

    /** Keeps it PENDING with the error and the next try (1, 2, 4 … minutes, at most an hour), or FAILED after the last try. */
    private void retryLater(Score s, String error) {
        Instant now = clock.instant();
        String e = error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
        boolean gaveUp = tx.inTransaction(em -> {
            Number tried = (Number) em.createNativeQuery("SELECT attempts FROM lti_score_outbox WHERE id = ?").setParameter(1, s.id())
                    .getSingleResult();
            int attempts = tried.intValue() + 1;
            Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 6));
            Instant next = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            boolean last = attempts >= MAX_ATTEMPTS;
            em.createNativeQuery("UPDATE lti_score_outbox SET attempts = ?, state = ?, next_try_at = ?, claimed_until = NULL, last_error = ?"
                            + " WHERE id = ? AND claimed_by = ? AND state = 'PENDING'")
                    .setParameter(1, attempts).setParameter(2, last ? "FAILED" : "PENDING").setParameter(3, Timestamp.from(next))
                    .setParameter(4, e).setParameter(5, s.id()).setParameter(6, node).executeUpdate();
            return last;
        });
        LOG.warning(() -> "LTI: score " + s.id() + " not sent" + (gaveUp ? ", given up" : " this time") + ": " + LogSafe.text(e));
        if (gaveUp) {
            audit.record(s.userId(), "lti-outbox", LtiLaunchService.AUDIT_CHANNEL, "lti.score.failed", describe(s), 1L, "failed: " + e);
        }
    }

    private static String describe(Score s) {
        return "platform=" + s.platformId() + " lineitem=" + s.lineItemUrl() + " sub=" + s.subject() + " attempt=" + s.attemptId()
                + " score=" + s.scoreGiven() + "/" + s.scoreMaximum() + " " + s.activityProgress() + "/" + s.gradingProgress();
    }

    /** The newest rows, for the administration page (with their errors). */
    public List<Entry> recent(int max) {
        return tx.read(em -> {
            List<Entry> out = new ArrayList<>();
            for (Object o : em.createNativeQuery("SELECT o.id, p.name, o.lineitem_url, o.subject, o.user_id, o.score_given, o.score_maximum,"
                            + " o.grading_progress, o.state, o.attempts, o.next_try_at, o.last_error, o.sent_at, o.created_at"
                            + " FROM lti_score_outbox o JOIN lti_platform p ON p.id = o.platform_id ORDER BY o.id DESC")
                    .setMaxResults(max).getResultList()) {
                Object[] r = (Object[]) o;
                out.add(new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(),
                        r[5] == null ? null : ((Number) r[5]).doubleValue(), r[6] == null ? null : ((Number) r[6]).doubleValue(),
                        (String) r[7], (String) r[8], ((Number) r[9]).intValue(), instant(r[10]), (String) r[11], instant(r[12]),
                        instant(r[13])));
            }
            return out;
        });
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("not a time: " + o.getClass());
    }

    /** This node's name in claims: the host and a random suffix, so two runners in one JVM differ too. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }
}
