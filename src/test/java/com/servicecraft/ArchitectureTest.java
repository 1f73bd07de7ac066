package com.servicecraft;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The layering of the feature packages ({@code com.servicecraft.<feature>}): which feature may use
 * which. Features are listed from the bottom up; each names every feature it may depend on, so a
 * new dependency is a decision made here, not an accident. A new feature package has to be added to
 * {@link #ALLOWED} before its classes are checked.
 */
class ArchitectureTest {

    /** Feature → the features it may use (besides itself). {@code system} wires everything and is used by nobody. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow("shared");
        allow("question", "shared");
        allow("identity", "shared");
        allow("audit", "identity", "shared");
        allow("access", "audit", "identity", "shared");
        allow("content", "question", "identity", "shared");
        allow("notification", "content", "identity", "shared");
        allow("learning", "content", "identity", "shared");
        allow("quiz", "question", "content", "learning", "notification", "identity", "shared");
        allow("grading", "quiz", "question", "content", "notification", "identity", "shared");
        allow("reporting", "learning", "audit", "content", "identity", "shared");
        allow("certificate", "reporting", "learning", "content", "notification", "identity", "shared");
        allow("actionplan", "content", "notification", "identity", "shared");
        allow("assignment", "quiz", "learning", "content", "notification", "identity", "shared");
        allow("dashboard", "assignment", "quiz", "question", "learning", "content", "identity", "shared");
        allow("workbook", "quiz", "question", "content", "identity", "shared");
        allow("selfassessment", "actionplan", "quiz", "question", "learning", "content", "identity", "shared");
        allow("api", "reporting", "learning", "audit", "question", "content", "identity", "shared");
        allow("lti", "assignment", "quiz", "content", "audit", "identity", "shared");
        allow("demo", "api", "assignment", "content", "notification", "identity", "shared");
        allow("system", ALLOWED.keySet().toArray(String[]::new));
    }

    private static JavaClasses app;

    private static void allow(String feature, String... uses) {
        ALLOWED.put(feature, Set.of(uses));
    }

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.servicecraft");
    }

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("com.servicecraft.(*)..").should().beFreeOfCycles().check(app);
    }

    @Test
    void sharedDependsOnNoFeature() {
        classes().that().resideInAPackage("com.servicecraft.shared..")
                .should().onlyDependOnClassesThat(resideInAPackage("com.servicecraft.shared..")
                        .or(resideOutsideOfPackage("com.servicecraft..")))
                .check(app);
    }

    @Test
    void questionTypesKnowNothingOfAttempts() {
        noClasses().that().resideInAPackage("com.servicecraft.question..")
                .should().dependOnClassesThat(not(resideInAPackage("com.servicecraft.question.."))
                        .and(not(resideInAPackage("com.servicecraft.shared..")))
                        .and(resideInAPackage("com.servicecraft..")))
                .check(app);
    }

    @Test
    void featuresUseOnlyTheFeaturesTheyMay() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String feature : ALLOWED.keySet()) {
            layers = layers.layer(feature).definedBy("com.servicecraft." + feature + "..");
        }
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            layers = e.getValue().isEmpty()
                    ? layers.whereLayer(e.getKey()).mayNotAccessAnyLayer()
                    : layers.whereLayer(e.getKey()).mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
        }
        layers.check(app);
    }

    @Test
    void everyFeatureIsPlacedInTheLayering() {
        Set<String> features = app.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("com.servicecraft."))
                .map(p -> p.substring("com.servicecraft.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ALLOWED.keySet()), features,
                "every package com.servicecraft.<feature> is listed in ArchitectureTest.ALLOWED");
    }

    @Test
    void theRulesThemselvesHaveNoCycle() {
        // A feature may not be allowed to use one that is allowed to use it back.
        for (var e : ALLOWED.entrySet()) {
            for (String used : e.getValue()) {
                assertFalse(ALLOWED.getOrDefault(used, Set.of()).contains(e.getKey()),
                        e.getKey() + " and " + used + " may not use each other");
            }
        }
    }
}
