package com.servicecraft.system;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health is DOWN when the application started without a course (e.g. a content folder that is not there). */
class ContentHealthTest {

    private static ContentHealth healthOf(Path contentRoot) {
        Database db = TestDatabases.get(Kind.H2);
        TestDatabases.clear(db, List.of("content_module_version", "content_state"));
        ContentRepository repo = new ContentRepository(new Transactions(db.entityManagerFactory()), Clock.systemUTC(), TestUsers.admin());
        repo.start(contentRoot);
        ContentHealth health = new ContentHealth();
        health.content = repo;
        return health;
    }

    @Test
    void aStartWithoutAnyModuleIsNotHealthy() throws Exception {
        assertFalse(healthOf(Files.createTempDirectory("no-course")).hasModules());
    }

    @Test
    void aStartWithTheCourseIsHealthy() {
        assertTrue(healthOf(ContentFixture.copyOfSample().root()).hasModules());
    }
}
