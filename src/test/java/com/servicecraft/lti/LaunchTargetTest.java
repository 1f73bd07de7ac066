package com.servicecraft.lti;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a launch lands, from its custom parameter or target link URI, checked against the course. */
class LaunchTargetTest {
    static Course course;

    @BeforeAll
    static void load() {
        ContentRepository content = new ContentRepository(new Transactions(TestDatabases.get(TestDatabases.Kind.H2).entityManagerFactory()),
                new MutableClock(Instant.parse("2026-12-01T00:00:00Z")), TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        course = content.course();
    }

    @Test
    void eachKindOfTargetOpensItsPage() {
        String lesson = course.modules().get(0).lessons().get(0).id();
        assertEquals("/learn/course.xhtml#module-sample-a", LaunchTarget.parse("module:sample-a", course).path());
        assertEquals("/learn/quiz.xhtml?module=sample-a", LaunchTarget.parse("quiz:sample-a", course).path());
        assertEquals("/learn/lesson.xhtml?id=" + lesson, LaunchTarget.parse("lesson:" + lesson, course).path());
        assertEquals("/learn/quiz.xhtml?postTest=true", LaunchTarget.parse("posttest", course).path());
        assertEquals("/learn/course.xhtml", LaunchTarget.parse("course", course).path());
    }

    @Test
    void anythingUnknownLandsOnTheCoursePage() {
        for (String bad : new String[] {"module:nope", "lesson:../../admin", "quiz:", "module:sample-a#x", "javascript:alert(1)", "", null}) {
            assertEquals(LaunchTarget.COURSE, LaunchTarget.parse(bad, course), String.valueOf(bad));
        }
    }

    @Test
    void theCustomParameterWinsOverTheTargetLinkUri() {
        assertEquals("module:sample-a", LaunchTarget.of(Map.of(LaunchTarget.CUSTOM_PARAMETER, "module:sample-a"),
                "https://sc.example.com/lti/launch?target=posttest", course).spec());
        assertEquals("posttest", LaunchTarget.of(Map.of(), "https://sc.example.com/lti/launch?target=posttest", course).spec());
        assertEquals("course", LaunchTarget.of(Map.of(), "https://sc.example.com/lti/launch", course).spec());
    }
}
