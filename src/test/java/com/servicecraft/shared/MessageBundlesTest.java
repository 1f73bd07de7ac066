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

    /** Every bundle the application reads (its texts and Faces' own messages): each key in both languages, none in the base file. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"messages", "faces"})
    void chineseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Set<String> zh = new TreeSet<>(load(bundle + "_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load(bundle + "_en.properties").stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, bundle + ": keys missing in English");
        assertEquals(Set.of(), onlyEn, bundle + ": keys missing in Chinese");
        assertEquals(Set.of(), load(bundle + ".properties").stringPropertyNames(),
                bundle + ".properties stays empty: a key there would show one language to everyone");
        Set<String> blank = new TreeSet<>();
        for (String lang : new String[]{"_zh_CN", "_en"}) {
            Properties p = load(bundle + lang + ".properties");
            p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()).forEach(k -> blank.add(lang + ": " + k));
        }
        assertEquals(Set.of(), blank, bundle + ": empty texts");
    }

    /** Values that are rightly the same in both languages (names, codes); nothing else may be. */
    private static final Set<String> SAME_IN_BOTH_LANGUAGES = Set.of("records.csv");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z]{2,}\\b");

    /**
     * An English text left in the Chinese bundle (a label copied over and never translated) fails
     * the build: a zh-CN value may not equal its English value, nor lack Chinese altogether, when the
     * English is two or more words. Placeholders such as {0} and codes like YES/NO are not words.
     */
    @Test
    void chineseBundleHasNoUntranslatedEnglish() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        Set<String> untranslated = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key);
            String chinese = zh.getProperty(key);
            if (chinese == null || SAME_IN_BOTH_LANGUAGES.contains(key) || englishWords(english) < 2) {
                continue;
            }
            if (chinese.equals(english) || !chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                untranslated.add(key + "=" + chinese);
            }
        }
        assertEquals(Set.of(), untranslated, "zh-CN values still in English");
    }

    @Test
    void theUntranslatedCheckCatchesACopiedLabel() {
        assertEquals(3, englishWords("Completed (%) per department"));
        assertEquals(0, englishWords("{0} %"));
        assertEquals(2, englishWords("Score {0} of {1}"));
    }

    private static int englishWords(String text) {
        String withoutPlaceholders = text.replaceAll("\\{[^}]*}", " ");
        int n = 0;
        for (Matcher m = ENGLISH_WORD.matcher(withoutPlaceholders); m.find(); ) {
            n++;
        }
        return n;
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
