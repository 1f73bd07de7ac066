package com.servicecraft.benchmark;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * N trainees of the demo organisation each start a drill and change their answer again and again:
 * after an unmeasured warm-up of both endpoints, first as the attempt page saves (quiz.js posting
 * to /learn/autosave), then through a bare servlet doing the same single-row write, on the same
 * server and database, in one run. Compare the two request lines of the report: "autosave (app)" and "write (bare servlet)".
 *
 * <p>Run: see README, "Benchmarks". Settings: -Dusers=40 -Dsaves=50 -DbaseUrl=http://localhost:8080
 */
public class AutosaveSimulation extends Simulation {
    static final int USERS = Integer.getInteger("users", 40);
    static final int SAVES = Integer.getInteger("saves", 50);
    static final String BASE = System.getProperty("baseUrl", "http://localhost:8080");
    static final String VIEW_STATE = "name=\"jakarta.faces.ViewState\" id=\"[^\"]+\" value=\"([^\"]+)\"";

    HttpProtocolBuilder protocol = http.baseUrl(BASE).disableCaching();

    /** Per phase: earliest start, latest end of the save loops (ms), and saves done; for saves per second. */
    static final Map<String, java.util.concurrent.atomic.AtomicLong[]> PHASES = new java.util.concurrent.ConcurrentHashMap<>();

    static ChainBuilder mark(String phase, boolean start) {
        return exec(session -> {
            var p = PHASES.computeIfAbsent(phase, k -> new java.util.concurrent.atomic.AtomicLong[]{
                    new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE), new java.util.concurrent.atomic.AtomicLong(0),
                    new java.util.concurrent.atomic.AtomicLong(0)});
            long now = System.currentTimeMillis();
            if (start) {
                p[0].accumulateAndGet(now, Math::min);
            } else {
                p[1].accumulateAndGet(now, Math::max);
                p[2].addAndGet(SAVES);
            }
            return session;
        });
    }

    @Override
    public void after() {
        double app = rate("app");
        double bare = rate("bare");
        System.out.printf("BENCHMARK users=%d saves/user=%d: app %.1f saves/s, bare servlet %.1f writes/s, ratio %.2f%n",
                USERS, SAVES, app, bare, bare == 0 ? 0 : app / bare);
    }

    private static double rate(String phase) {
        var p = PHASES.get(phase);
        return p == null ? 0 : p[2].get() * 1000.0 / Math.max(1, p[1].get() - p[0].get());
    }

    static Iterator<Map<String, Object>> trainees(int offset) {
        Supplier<Stream<Map<String, Object>>> s = () -> IntStream.rangeClosed(1, 40)
                .mapToObj(i -> Map.<String, Object>of("username", String.format("t%03d", ((i + offset - 1) % 40) + 1)));
        return s.get().iterator();
    }

    static ChainBuilder signInAndStart(String exercise) {
        return exec(http("login page").get("/login.xhtml").check(regex(VIEW_STATE).saveAs("vs")))
                .exec(http("sign in").post("/login.xhtml")
                        .formParam("loginForm", "loginForm").formParam("loginForm:username", "#{username}")
                        .formParam("loginForm:password", "servicecraft-demo").formParam("loginForm:signIn", "")
                        .formParam("jakarta.faces.ViewState", "#{vs}").check(substring("id=\"greeting\"")))
                .exec(http("quiz page").get("/learn/quiz.xhtml?exercise=" + exercise).check(regex(VIEW_STATE).saveAs("vs")))
                .exec(http("start").post("/learn/quiz.xhtml?exercise=" + exercise)
                        .formParam("startForm", "startForm").formParam("startForm:start", "")
                        .formParam("jakarta.faces.ViewState", "#{vs}")
                        .check(regex(VIEW_STATE).saveAs("vs"))
                        .check(regex("'query':'id=(\\d+)'").saveAs("attempt"))
                        .check(regex("data-token=\"([^\"]+)\"").saveAs("token"))
                        .check(regex("data-position=\"(\\d+)\"").saveAs("position"))
                        .check(regex("name=\"attemptForm:singleChoiceAnswer\" type=\"radio\" value=\"([^\"]+)\"").findAll().saveAs("tokens")));
    }

    static final int WARM_UP_SAVES = Integer.getInteger("warmUpSaves", 30);

    /** What quiz.js sends when the trainee picks an option: the page's autosave request. */
    static ChainBuilder autosave(String requestName) {
        return exec(http(requestName).post("/learn/autosave")
                .header("X-Servicecraft-Token", "#{token}")
                .formParam("attempt", "#{attempt}").formParam("position", "#{position}")
                .formParam("v", session -> {
                    java.util.List<String> tokens = session.getList("tokens");
                    return tokens.get(session.getInt("n") % tokens.size());
                })
                .check(status().is(200)).check(substring("\"answered\":true")));
    }

    /** The same single-row write through the bare servlet. */
    static ChainBuilder bareWrite(String requestName) {
        return exec(http(requestName).post("/bench/write")
                .formParam("attempt", "#{attempt}").formParam("position", "0").formParam("choice", "x#{n}")
                .check(status().is(200)).check(substring("1")));
    }

    /** Both endpoints, unmeasured, so that neither measured phase pays for the JIT and the pools warming up. */
    ScenarioBuilder warmUp = scenario("warm-up").feed(trainees(0))
            .exec(signInAndStart("m4-x-questions"))
            .exec(repeat(WARM_UP_SAVES, "n").on(autosave("warm-up autosave").exec(bareWrite("warm-up write"))));

    ScenarioBuilder app = scenario("app").feed(trainees(0))
            .exec(signInAndStart("m4-x-questions"))
            .exec(mark("app", true))
            .exec(repeat(SAVES, "n").on(autosave("autosave (app)")))
            .exec(mark("app", false));

    ScenarioBuilder bare = scenario("bare servlet").feed(trainees(0))
            .exec(signInAndStart("m4-x-questions"))
            .exec(mark("bare", true))
            .exec(repeat(SAVES, "n").on(bareWrite("write (bare servlet)")))
            .exec(mark("bare", false));

    {
        setUp(warmUp.injectOpen(atOnceUsers(USERS))
                .andThen(app.injectOpen(atOnceUsers(USERS)))
                .andThen(bare.injectOpen(atOnceUsers(USERS)))).protocols(protocol);
    }
}
