package com.servicecraft.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog API reports the whole course to signed-in callers only. */
class CatalogApiIT {
    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
    }

    private static HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url("/api/v1/catalog")));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTraineeWithBasicCredentialsGetsTheWholeCatalog() throws Exception {
        HttpResponse<String> res = get("Basic " + Base64.getEncoder().encodeToString("t020:servicecraft-demo".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, res.statusCode(), res.body());
        JsonNode body = new ObjectMapper().readTree(res.body());
        assertEquals("customer-service", body.at("/course/id").asText());
        assertEquals("客户服务培训", body.at("/course/title/zh-CN").asText());
        assertEquals(8, body.get("modules").size());
        JsonNode m4 = body.get("modules").get(4);
        assertEquals("m4-active-listening", m4.get("id").asText());
        assertEquals(2, m4.at("/exercises/listening-game").asInt());
        assertTrue(m4.at("/lessons/0/chars/zh-CN").asInt() >= 1200);
        assertTrue(m4.at("/lessons/0/chars/en").asInt() > 0);
        assertTrue(m4.at("/questions/single-choice").asInt() > 0);
        assertTrue(body.at("/postTest/pool").asInt() >= 60);
        assertEquals(30, body.at("/postTest/minutes").asInt());
        assertEquals(0, body.get("errors").size());
    }

    @Test
    void theDemoHrTokenWorksAndAWrongOneIsRejected() throws Exception {
        assertEquals(200, get("Bearer sc_demo_hr1_api_token_for_trying_the_api").statusCode());
        HttpResponse<String> wrong = get("Bearer sc_not_a_real_token");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").isPresent());
        assertEquals(401, get(null).statusCode());
        assertEquals(401, get("Basic " + Base64.getEncoder().encodeToString("t021:wrong".getBytes(StandardCharsets.UTF_8))).statusCode());
    }
}
