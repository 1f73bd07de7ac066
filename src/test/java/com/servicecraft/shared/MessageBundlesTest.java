package com.servicecraft.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text of every page exists in both languages, and every key the code uses is defined. */
class MessageBundlesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/com/servicecraft/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "keys missing in English");
        assertEquals(Set.of(), onlyEn, "keys missing in Chinese");
    }

    @Test
    void everyKeyUsedInPagesAndCodeIsDefined() throws IOException {
        Set<String> defined = load("messages_en.properties").stringPropertyNames();
        Pattern inPages = Pattern.compile("msg\\['([a-zA-Z0-9._-]+)'\\]");
        Pattern inCode = Pattern.compile("(?:Messages\\.(?:text|info|error|errorFor)\\(|UserInputException\\(|SaveRefusedException\\()\"([a-zA-Z0-9._-]+)\"");
        Set<String> missing = new TreeSet<>();
        for (Path root : new Path[]{Path.of("src/main/webapp"), Path.of("WEB-INF-templates"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xhtml") || p.toString().endsWith(".java")).toList()) {
                    Matcher m = (f.toString().endsWith(".java") ? inCode : inPages).matcher(Files.readString(f));
                    while (m.find()) {
                        if (!defined.contains(m.group(1))) {
                            missing.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void noPageHasHardCodedUserText() throws IOException {
        // Visible text belongs in the bundles; a page may hold only EL, markup and punctuation between tags.
        Pattern text = Pattern.compile(">\\s*([A-Za-z\\u4e00-\\u9fff][^<#]{2,})<");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/webapp")), Files.walk(Path.of("WEB-INF-templates")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String source = Files.readString(f).replaceAll("(?s)<!--.*?-->", "");
                Matcher m = text.matcher(source);
                while (m.find()) {
                    found.add(f.getFileName() + ": " + m.group(1).strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "hard-coded text: " + found);
    }
}
