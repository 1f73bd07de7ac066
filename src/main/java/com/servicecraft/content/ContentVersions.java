package com.servicecraft.content;

import com.servicecraft.shared.persistence.Transactions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The database side of content versions: every served module version is kept (with its
 * question files, so old attempts stay reviewable), and the course version the cluster should
 * serve is recorded so that every node reloads to it.
 */
public class ContentVersions {
    private final Transactions tx;

    public ContentVersions(Transactions tx) {
        this.tx = tx;
    }

    /** Records the module versions of freshly loaded content (once per version). */
    public void remember(LoadedContent content, Path root, Instant now) {
        for (CourseModule m : content.course().modules()) {
            tx.run(em -> {
                Number exists = (Number) em.createNativeQuery(
                                "select count(*) from content_module_version where module_id = ? and version = ?")
                        .setParameter(1, m.id()).setParameter(2, m.version()).getSingleResult();
                if (exists.intValue() == 0) {
                    em.createNativeQuery("insert into content_module_version (module_id, version, first_loaded_at, questions_yaml, exercises_yaml)"
                                    + " values (?, ?, ?, ?, ?)")
                            .setParameter(1, m.id()).setParameter(2, m.version()).setParameter(3, Timestamp.from(now))
                            .setParameter(4, readOrNull(root.resolve(m.id()).resolve("questions.yaml")))
                            .setParameter(5, readOrNull(root.resolve(m.id()).resolve("exercises.yaml")))
                            .executeUpdate();
                }
            });
        }
    }

    /** The course version every node should serve, if one was published by a reload. */
    public Optional<String> publishedCourseVersion() {
        return tx.read(em -> em.createNativeQuery("select course_version from content_state where id = 1")
                .getResultStream().findFirst().map(Object::toString));
    }

    public void publish(String courseVersion, Long byUser, Instant now) {
        tx.run(em -> {
            int updated = em.createNativeQuery("update content_state set course_version = ?, reloaded_at = ?, reloaded_by = ? where id = 1")
                    .setParameter(1, courseVersion).setParameter(2, Timestamp.from(now)).setParameter(3, byUser).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("insert into content_state (id, course_version, reloaded_at, reloaded_by) values (1, ?, ?, ?)")
                        .setParameter(1, courseVersion).setParameter(2, Timestamp.from(now)).setParameter(3, byUser).executeUpdate();
            }
        });
    }

    private static String readOrNull(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
