package com.servicecraft.content;

import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reloading content: a broken change never replaces the course being served. */
class ContentRepositoryTest {

    private ContentRepository repository(Kind kind, ContentFixture fixture) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("content_module_version", "content_state"));
        ContentRepository repo = new ContentRepository(new Transactions(db.entityManagerFactory()), Clock.systemUTC(), TestUsers.admin());
        repo.start(fixture.root());
        return repo;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReloadWithABrokenChangeKeepsTheOldVersionServing(Kind kind) {
        ContentFixture fixture = ContentFixture.copyOfSample();
        ContentRepository repo = repository(kind, fixture);
        String served = repo.course().version();

        fixture.replace("sample-a/questions.yaml", "    difficulty: medium", "    difficulty: [medium");
        LoadedContent attempt = repo.reload();

        assertTrue(attempt.hasErrors());
        assertEquals(served, repo.course().version(), "the old version keeps serving");
        assertEquals(2, repo.course().modules().size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aValidChangeIsServedRememberedAndPublishedToOtherNodes(Kind kind) {
        ContentFixture fixture = ContentFixture.copyOfSample();
        ContentRepository repo = repository(kind, fixture);
        String oldVersion = repo.course().module("sample-b").orElseThrow().version();

        fixture.replace("sample-b/01-only.en.md", "smile", "warm smile");
        LoadedContent fresh = repo.reload();

        assertEquals(List.of(), fresh.problems());
        String newVersion = repo.course().module("sample-b").orElseThrow().version();
        assertNotEquals(oldVersion, newVersion);
        Transactions tx = new Transactions(TestDatabases.get(kind).entityManagerFactory());
        Number kept = tx.read(em -> (Number) em.createNativeQuery(
                "select count(*) from content_module_version where module_id = 'sample-b'").getSingleResult());
        assertEquals(2, kept.intValue(), "both versions are kept for reviewing old attempts");
        assertEquals(repo.course().version(), new ContentVersions(tx).publishedCourseVersion().orElseThrow());
    }
}
