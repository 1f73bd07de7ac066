package com.servicecraft.system;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No jar on the classpath is older than the fixed version of a published advisory listed in
 * {@code known-vulnerable-dependencies.txt} (kept by hand: the build machines reach Maven Central only).
 */
class KnownVulnerableDependenciesTest {

    /** .../repository/group/as/path/artifact/version/artifact-version[-classifier].jar */
    private static final Pattern JAR = Pattern.compile(".*/repository/(.+)/([^/]+)/([^/]+)/\\2-\\3(?:-[^/]+)?\\.jar$");

    record Jar(String key, String version) {
    }

    record Advisory(String key, String fixedIn, String text) {
    }

    @Test
    void noJarIsOlderThanTheFixOfAListedAdvisory() throws IOException {
        Map<String, Jar> jars = classpathJars();
        // The check would pass vacuously if the classpath could not be read: it must see libraries we know we ship.
        assertTrue(jars.containsKey("com.fasterxml.jackson.core:jackson-databind"), "classpath not readable: " + jars.keySet());
        assertTrue(jars.containsKey("org.yaml:snakeyaml"));
        List<String> vulnerable = new ArrayList<>();
        for (Advisory a : advisories()) {
            Jar jar = jars.get(a.key());
            if (jar != null && compare(jar.version(), a.fixedIn()) < 0) {
                vulnerable.add(a.key() + " " + jar.version() + " < " + a.fixedIn() + ": " + a.text());
            }
        }
        assertEquals(List.of(), vulnerable);
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertTrue(compare("2.13.4", "2.13.4.2") < 0);
        assertTrue(compare("2.20.1", "2.13.4.2") > 0);
        assertTrue(compare("1.9", "1.10.0") < 0);
        assertTrue(compare("6.6.56.Final", "6.2.0.Final") > 0);
        assertTrue(compare("20260313.1", "20240325.1") > 0);
        assertTrue(compare("2.0.0-M1", "2.0.0-M2") < 0);
        assertEquals(0, compare("2.0", "2.0.0"));
    }

    static int compare(String a, String b) {
        List<Long> x = numbers(a);
        List<Long> y = numbers(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            long p = i < x.size() ? x.get(i) : 0;
            long q = i < y.size() ? y.get(i) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static List<Long> numbers(String version) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(version);
        while (m.find()) {
            out.add(Long.parseLong(m.group()));
        }
        return out;
    }

    private static Map<String, Jar> classpathJars() {
        String cp = Objects.requireNonNullElse(System.getProperty("surefire.test.class.path"), System.getProperty("java.class.path"));
        Map<String, Jar> out = new HashMap<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            Matcher m = JAR.matcher(Path.of(entry).toAbsolutePath().toString().replace('\\', '/'));
            if (m.matches()) {
                String key = m.group(1).replace('/', '.') + ":" + m.group(2);
                out.put(key, new Jar(key, m.group(3)));
            }
        }
        return out;
    }

    private static List<Advisory> advisories() throws IOException {
        List<Advisory> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                KnownVulnerableDependenciesTest.class.getResourceAsStream("known-vulnerable-dependencies.txt")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+", 3);
                out.add(new Advisory(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
            }
        }
        return out;
    }
}
