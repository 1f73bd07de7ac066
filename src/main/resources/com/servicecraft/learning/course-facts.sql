-- The completion rules, written once: what each trainee did in each part of the course (a module, or
-- the course as 'COURSE') and whether the part is completed, when, whether its quiz attempts are used
-- up and whether it is started. learning.ModuleFactsQuery (the trainee's pages, dashboards,
-- assignments, notices) and reporting.CompletionQuery (the HR records and exports) both run this
-- text through CourseFactsSql; neither restates a rule. The same text runs on H2 and MySQL/MariaDB.
-- Slots and named parameters (CourseFactsSql writes them in as literals):
--   :pairs  the caller's SELECT of the trainee x part rows to compute: columns uid, mid, then its own
--   :users(column)  the trainees: "column > from AND column <= to" (a chunk) or "column IN (...)" (a list),
--                   repeated inside every derived table so that each reads only its rows by index
--   :shape  the course shape (course_shape_part / course_shape_lesson rows of the served course)
-- The caller continues the WITH clause after "rules" (", r1 AS (...) SELECT ...") or selects from it.
WITH ml AS (
    SELECT part_id AS mid, ord, lessons_req, quizzes_req, quiz_req, allowed, part_version AS cur_version
    FROM course_shape_part WHERE shape_key = :shape),
x AS (:pairs),
-- the lessons of the served course only
sl AS (SELECT module_id, lesson_id FROM course_shape_lesson WHERE shape_key = :shape),
-- lessons per trainee x module, and per trainee over the whole course
lf AS (
    SELECT lp.user_id, lp.module_id AS mid, COUNT(lp.completed_at) AS done, SUM(lp.seconds_spent) AS secs,
           MIN(lp.first_opened_at) AS first_at, MAX(lp.completed_at) AS last_done, MAX(lp.last_seen_at) AS last_seen,
           MAX(lp.module_version) AS mver
    FROM lesson_progress lp JOIN sl ON sl.module_id = lp.module_id AND sl.lesson_id = lp.lesson_id
    WHERE :users(lp.user_id)
    GROUP BY lp.user_id, lp.module_id
    UNION ALL
    SELECT lp.user_id, 'COURSE', COUNT(lp.completed_at), SUM(lp.seconds_spent), MIN(lp.first_opened_at),
           MAX(lp.completed_at), MAX(lp.last_seen_at), NULL
    FROM lesson_progress lp JOIN sl ON sl.module_id = lp.module_id AND sl.lesson_id = lp.lesson_id
    WHERE :users(lp.user_id)
    GROUP BY lp.user_id),
-- quiz attempts per trainee x module quiz, and the post-course test as the course's quiz: finished
-- attempts count as used, the best and the last graded score, the pass from the first passing attempt
qa AS (
    SELECT user_id, kind, source_id, COUNT(*) AS tries, MIN(started_at) AS first_try,
           MAX(CASE WHEN status = 'GRADED' THEN score_percent END) AS best,
           MAX(CASE WHEN status = 'GRADED' AND score_percent IS NOT NULL THEN attempt_number END) AS last_no,
           MIN(CASE WHEN status = 'GRADED' AND passed = TRUE AND score_percent IS NOT NULL THEN graded_at END) AS passed_at,
           SUM(CASE WHEN status = 'IN_PROGRESS' THEN 0 ELSE 1 END) AS finished,
           MAX(COALESCE(graded_at, started_at)) AS last_act
    FROM attempt WHERE kind IN ('MODULE_QUIZ', 'POST_TEST') AND :users(user_id)
    GROUP BY user_id, kind, source_id),
q AS (
    SELECT qa.user_id, CASE WHEN qa.kind = 'POST_TEST' THEN 'COURSE' ELSE qa.source_id END AS mid,
           qa.tries, qa.first_try, qa.best, la.score_percent AS last_score, qa.passed_at, qa.finished, qa.last_act, gr.extra
    FROM qa
    LEFT JOIN attempt la ON la.user_id = qa.user_id AND la.kind = qa.kind AND la.source_id = qa.source_id
        AND la.attempt_number = qa.last_no
    LEFT JOIN (SELECT user_id, kind, source_id, SUM(extra_attempts) AS extra FROM attempt_grant
               WHERE :users(user_id) GROUP BY user_id, kind, source_id) gr
        ON gr.user_id = qa.user_id AND gr.kind = qa.kind AND gr.source_id = qa.source_id),
-- module quizzes passed per trainee, for the course row
qc AS (
    SELECT q.user_id, SUM(CASE WHEN ml.quiz_req = 1 AND q.passed_at IS NOT NULL THEN 1 ELSE 0 END) AS quizzes_passed,
           MAX(CASE WHEN ml.quiz_req = 1 THEN q.passed_at END) AS quizzes_at, SUM(q.tries) AS quiz_tries,
           MIN(q.first_try) AS quiz_first,
           SUM(CASE WHEN ml.quiz_req = 1 AND ml.allowed > 0 AND q.passed_at IS NULL
                    AND q.finished >= ml.allowed + COALESCE(q.extra, 0) THEN 1 ELSE 0 END) AS failed_modules
    FROM q JOIN ml ON ml.mid = q.mid WHERE q.mid <> 'COURSE' GROUP BY q.user_id),
facts AS (
    SELECT x.*, ml.ord, ml.lessons_req, ml.quizzes_req, ml.quiz_req, ml.allowed, ml.cur_version,
           lf.done, lf.secs, lf.first_at, lf.last_done, lf.last_seen, lf.mver,
           q.tries, q.first_try, q.best, q.last_score, q.passed_at, q.finished, q.last_act, q.extra,
           qc.quizzes_passed, qc.quizzes_at, qc.quiz_tries, qc.failed_modules, pt.best AS post_best,
           pt.passed_at AS post_passed_at, pt.finished AS post_finished, pt.last_act AS post_act,
           NULLIF(LEAST(COALESCE(lf.first_at, TIMESTAMP '9999-12-31 00:00:00'),
                        COALESCE(CASE WHEN x.mid = 'COURSE' THEN qc.quiz_first ELSE q.first_try END,
                                 TIMESTAMP '9999-12-31 00:00:00')),
                  TIMESTAMP '9999-12-31 00:00:00') AS first_start,
           CASE WHEN ml.quiz_req = 1 AND ml.allowed > 0 AND q.passed_at IS NULL
                     AND COALESCE(q.finished, 0) >= ml.allowed + COALESCE(q.extra, 0) THEN 1 ELSE 0 END AS quiz_exhausted
    FROM x JOIN ml ON ml.mid = x.mid
    LEFT JOIN lf ON lf.user_id = x.uid AND lf.mid = x.mid
    LEFT JOIN q ON q.user_id = x.uid AND q.mid = x.mid
    LEFT JOIN qc ON qc.user_id = x.uid
    LEFT JOIN q pt ON pt.user_id = x.uid AND pt.mid = 'COURSE'),
-- the completion rules: done when the lessons, the module quizzes (course row) and the quiz are done,
-- at the last of those moments (or when started, if none has a moment); attempts exhausted when a
-- required quiz has no pass and no attempt left (attempts + grants; 0 allowed = unlimited), for the
-- course also when a required module quiz is; started when a lesson was opened or an attempt made
rules AS (
    SELECT facts.*,
           CASE WHEN COALESCE(done, 0) >= lessons_req
                     AND COALESCE(quizzes_passed, 0) * (CASE WHEN mid = 'COURSE' THEN 1 ELSE 0 END) >= quizzes_req
                     AND (quiz_req = 0 OR passed_at IS NOT NULL)
                THEN COALESCE(NULLIF(GREATEST(COALESCE(last_done, TIMESTAMP '1970-01-01 00:00:00'),
                         CASE WHEN quiz_req = 1 THEN COALESCE(passed_at, TIMESTAMP '1970-01-01 00:00:00')
                              ELSE TIMESTAMP '1970-01-01 00:00:00' END,
                         CASE WHEN mid = 'COURSE' THEN COALESCE(quizzes_at, TIMESTAMP '1970-01-01 00:00:00')
                              ELSE TIMESTAMP '1970-01-01 00:00:00' END), TIMESTAMP '1970-01-01 00:00:00'),
                     first_start) END AS completed_at,
           CASE WHEN allowed > 0 THEN allowed + COALESCE(extra, 0) ELSE 0 END AS allowed_now,
           CASE WHEN quiz_exhausted = 1 OR (mid = 'COURSE' AND COALESCE(failed_modules, 0) > 0) THEN 1 ELSE 0 END AS exhausted,
           CASE WHEN first_start IS NOT NULL OR COALESCE(finished, 0) > 0
                     OR (mid = 'COURSE' AND COALESCE(quiz_tries, 0) > 0) THEN 1 ELSE 0 END AS started
    FROM facts)
