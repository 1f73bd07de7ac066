package com.servicecraft.shared.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages whose services refuse with a key only (no field of their own) name the input each refusal is
 * about; that input exists in the page and has a {@code <p:message for=…>} beside it, so the refusal
 * stands once, at its field, which Faces marks invalid. (They used to be page messages naming nothing.)
 */
class RefusalsNameTheirFieldTest {
    private static final Map<String, Map<String, String>> PAGES = Map.of(
            "src/main/webapp/hr/tokens.xhtml", com.servicecraft.api.web.TokensPage.INPUT_OF_REFUSAL,
            "src/main/webapp/trainer/grants.xhtml", com.servicecraft.quiz.web.GrantAttemptsPage.INPUT_OF_REFUSAL,
            "src/main/webapp/trainer/action-plans.xhtml", com.servicecraft.actionplan.web.ActionPlansPage.INPUT_OF_REFUSAL,
            "src/main/webapp/admin/departments.xhtml", com.servicecraft.identity.web.DepartmentsPage.INPUT_OF_REFUSAL);

    @Test
    void everyRefusalKeyLeadsToAnInputWithItsMessage() throws IOException {
        Properties en = new Properties();
        try (var in = RefusalsNameTheirFieldTest.class.getResourceAsStream("/com/servicecraft/i18n/messages_en.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((page, inputOfKey) -> {
            String source;
            try {
                source = Files.readString(Path.of(page));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            inputOfKey.forEach((key, clientId) -> {
                String[] parts = clientId.split(":");
                String form = parts[0];
                String input = parts[parts.length - 1];
                if (!en.containsKey(key)) {
                    wrong.add(page + ": no text for " + key);
                }
                if (!source.contains("id=\"" + form + "\"") || !source.contains("id=\"" + input + "\"")) {
                    wrong.add(page + ": no input " + clientId + " for " + key);
                }
                if (!source.contains("<p:message for=\"" + input + "\"")) {
                    wrong.add(page + ": no message beside " + clientId + " for " + key);
                }
            });
        });
        assertEquals(List.of(), wrong);
    }
}
