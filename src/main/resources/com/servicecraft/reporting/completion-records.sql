-- The completion records up to r3: one row per trainee x assigned part (a module, or the course
-- as 'COURSE') with its status. CompletionQuery appends "SELECT ... FROM r3 WHERE ...".
-- The same text runs on H2 and MySQL/MariaDB. Named parameters (:name, bound by CompletionQuery):
--   :shape  the course shape (course_shape_part / course_shape_lesson rows of the served course)
--   :from, :to  the trainees' user-id range (from exclusive, to inclusive): a chunk, one trainee, or all
--   :every  1: the course row of every trainee, assigned or not (certificates); 0: the assigned parts
--   :group  the filtered group (its name is shown on the row), or NULL
--   :course_id  the course's id (its certificates)   :today  the organisation's today (overdue)
-- The user-id range is repeated inside every derived table so that each reads only its rows by index.
WITH ml AS (
    SELECT part_id AS mid, ord, lessons_req, quizzes_req, quiz_req, allowed, part_version AS cur_version
    FROM course_shape_part WHERE shape_key = :shape),
-- own assignments and the group's, each by its index (assignment.user_id, group_member.user_id)
t AS (
    SELECT gm.user_id AS uid, a.module_id, a.start_date, a.due_date, g.name AS gname, g.id AS gid, a.updated_at
    FROM group_member gm JOIN assignment a ON a.group_id = gm.group_id JOIN training_group g ON g.id = a.group_id
    WHERE a.status = 'ACTIVE' AND :every = 0 AND gm.user_id > :from AND gm.user_id <= :to
    UNION ALL
    SELECT a.user_id, a.module_id, a.start_date, a.due_date, NULL, NULL, a.updated_at FROM assignment a
    WHERE a.status = 'ACTIVE' AND :every = 0 AND a.user_id IS NOT NULL AND a.user_id > :from AND a.user_id <= :to),
x AS (
    SELECT t.uid, ml.mid, MIN(t.start_date) AS assigned, MIN(t.due_date) AS due,
           COALESCE(MIN(CASE WHEN t.gid = :group THEN t.gname END), MIN(t.gname)) AS gname, MAX(t.updated_at) AS a_upd
    FROM t JOIN ml ON (t.module_id IS NULL OR t.module_id = ml.mid)
    GROUP BY t.uid, ml.mid
    UNION ALL
    SELECT u.id, 'COURSE', NULL, NULL, NULL, NULL FROM app_user u
    WHERE :every = 1 AND u.id > :from AND u.id <= :to
      AND EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id AND ur.role = 'TRAINEE')),
-- the lessons of the served course only
sl AS (SELECT module_id, lesson_id FROM course_shape_lesson WHERE shape_key = :shape),
-- lessons per trainee x module, and per trainee over the whole course
lf AS (
    SELECT lp.user_id, lp.module_id AS mid, COUNT(lp.completed_at) AS done, SUM(lp.seconds_spent) AS secs,
           MIN(lp.first_opened_at) AS first_at, MAX(lp.completed_at) AS last_done, MAX(lp.last_seen_at) AS last_seen,
           MAX(lp.module_version) AS mver
    FROM lesson_progress lp JOIN sl ON sl.module_id = lp.module_id AND sl.lesson_id = lp.lesson_id
    WHERE lp.user_id > :from AND lp.user_id <= :to
    GROUP BY lp.user_id, lp.module_id
    UNION ALL
    SELECT lp.user_id, 'COURSE', COUNT(lp.completed_at), SUM(lp.seconds_spent), MIN(lp.first_opened_at),
           MAX(lp.completed_at), MAX(lp.last_seen_at), NULL
    FROM lesson_progress lp JOIN sl ON sl.module_id = lp.module_id AND sl.lesson_id = lp.lesson_id
    WHERE lp.user_id > :from AND lp.user_id <= :to
    GROUP BY lp.user_id),
-- quiz attempts per trainee x module quiz, and the post-course test as the course's quiz
qa AS (
    SELECT user_id, kind, source_id, COUNT(*) AS tries, MIN(started_at) AS first_try,
           MAX(CASE WHEN status = 'GRADED' THEN score_percent END) AS best,
           MAX(CASE WHEN status = 'GRADED' AND score_percent IS NOT NULL THEN attempt_number END) AS last_no,
           MIN(CASE WHEN status = 'GRADED' AND passed = TRUE AND score_percent IS NOT NULL THEN graded_at END) AS passed_at,
           SUM(CASE WHEN status = 'IN_PROGRESS' THEN 0 ELSE 1 END) AS finished,
           MAX(COALESCE(graded_at, started_at)) AS last_act
    FROM attempt WHERE kind IN ('MODULE_QUIZ', 'POST_TEST') AND user_id > :from AND user_id <= :to
    GROUP BY user_id, kind, source_id),
q AS (
    SELECT qa.user_id, CASE WHEN qa.kind = 'POST_TEST' THEN 'COURSE' ELSE qa.source_id END AS mid,
           qa.tries, qa.first_try, qa.best, la.score_percent AS last_score, qa.passed_at, qa.finished, qa.last_act, gr.extra
    FROM qa
    LEFT JOIN attempt la ON la.user_id = qa.user_id AND la.kind = qa.kind AND la.source_id = qa.source_id
        AND la.attempt_number = qa.last_no
    LEFT JOIN (SELECT user_id, kind, source_id, SUM(extra_attempts) AS extra FROM attempt_grant
               WHERE user_id > :from AND user_id <= :to GROUP BY user_id, kind, source_id) gr
        ON gr.user_id = qa.user_id AND gr.kind = qa.kind AND gr.source_id = qa.source_id),
-- module quizzes passed per trainee, for the course row
qc AS (
    SELECT q.user_id, SUM(CASE WHEN ml.quiz_req = 1 AND q.passed_at IS NOT NULL THEN 1 ELSE 0 END) AS quizzes_passed,
           MAX(CASE WHEN ml.quiz_req = 1 THEN q.passed_at END) AS quizzes_at, SUM(q.tries) AS quiz_tries,
           MIN(q.first_try) AS quiz_first,
           SUM(CASE WHEN ml.quiz_req = 1 AND ml.allowed > 0 AND q.passed_at IS NULL
                    AND q.finished >= ml.allowed + COALESCE(q.extra, 0) THEN 1 ELSE 0 END) AS failed_modules
    FROM q JOIN ml ON ml.mid = q.mid WHERE q.mid <> 'COURSE' GROUP BY q.user_id),
r1 AS (
    SELECT u.id AS uid, u.employee_number, u.display_name, u.department_id, d.name AS dept, u.job_title,
           u.updated_at AS u_upd, x.mid, ml.ord, x.assigned, x.due, x.gname, x.a_upd,
           ml.lessons_req, ml.quizzes_req, ml.quiz_req, ml.allowed, ml.cur_version,
           lf.done, lf.secs, lf.first_at, lf.last_done, lf.last_seen, lf.mver,
           q.tries, q.first_try, q.best, q.last_score, q.passed_at, q.finished, q.last_act, q.extra,
           qc.quizzes_passed, qc.quizzes_at, qc.quiz_tries, qc.failed_modules, pt.best AS post_best,
           pt.passed_at AS post_passed_at, pt.finished AS post_finished,
           NULLIF(LEAST(COALESCE(lf.first_at, TIMESTAMP '9999-12-31 00:00:00'),
                        COALESCE(CASE WHEN x.mid = 'COURSE' THEN qc.quiz_first ELSE q.first_try END,
                                 TIMESTAMP '9999-12-31 00:00:00')),
                  TIMESTAMP '9999-12-31 00:00:00') AS first_start,
           pt.last_act AS post_act, ap.status AS ap_status, ap.updated_at AS ap_upd,
           c.cert_number, c.issued_at AS cert_at
    FROM x JOIN ml ON ml.mid = x.mid JOIN app_user u ON u.id = x.uid
    LEFT JOIN department d ON d.id = u.department_id
    LEFT JOIN lf ON lf.user_id = x.uid AND lf.mid = x.mid
    LEFT JOIN q ON q.user_id = x.uid AND q.mid = x.mid
    LEFT JOIN qc ON qc.user_id = x.uid
    LEFT JOIN q pt ON pt.user_id = x.uid AND pt.mid = 'COURSE'
    LEFT JOIN action_plan ap ON ap.user_id = x.uid
    LEFT JOIN certificate c ON c.user_id = x.uid AND c.course_id = :course_id),
-- the completion rules: done when the lessons, the module quizzes (course row) and the quiz are done
r2 AS (
    SELECT r1.*,
           CASE WHEN COALESCE(done, 0) >= lessons_req
                     AND COALESCE(quizzes_passed, 0) * (CASE WHEN mid = 'COURSE' THEN 1 ELSE 0 END) >= quizzes_req
                     AND (quiz_req = 0 OR passed_at IS NOT NULL)
                THEN COALESCE(NULLIF(GREATEST(COALESCE(last_done, TIMESTAMP '1970-01-01 00:00:00'),
                         CASE WHEN quiz_req = 1 THEN COALESCE(passed_at, TIMESTAMP '1970-01-01 00:00:00')
                              ELSE TIMESTAMP '1970-01-01 00:00:00' END,
                         CASE WHEN mid = 'COURSE' THEN COALESCE(quizzes_at, TIMESTAMP '1970-01-01 00:00:00')
                              ELSE TIMESTAMP '1970-01-01 00:00:00' END), TIMESTAMP '1970-01-01 00:00:00'),
                     first_start) END AS completed_at,
           GREATEST(COALESCE(a_upd, TIMESTAMP '1970-01-01 00:00:00'), COALESCE(u_upd, TIMESTAMP '1970-01-01 00:00:00'),
                    COALESCE(last_seen, TIMESTAMP '1970-01-01 00:00:00'), COALESCE(last_act, TIMESTAMP '1970-01-01 00:00:00'),
                    COALESCE(post_act, TIMESTAMP '1970-01-01 00:00:00'), COALESCE(ap_upd, TIMESTAMP '1970-01-01 00:00:00'),
                    COALESCE(cert_at, TIMESTAMP '1970-01-01 00:00:00')) AS updated,
           CASE WHEN (quiz_req = 1 AND allowed > 0 AND passed_at IS NULL AND COALESCE(finished, 0) >= allowed + COALESCE(extra, 0))
                     OR (mid = 'COURSE' AND COALESCE(failed_modules, 0) > 0) THEN 1 ELSE 0 END AS exhausted
    FROM r1),
r3 AS (
    SELECT r2.*,
           CASE WHEN completed_at IS NOT NULL THEN 'COMPLETED'
                WHEN exhausted = 1 AND due < :today THEN 'FAILED'
                WHEN exhausted = 1 THEN 'NEEDS_TRAINER'
                WHEN due < :today THEN 'OVERDUE'
                WHEN first_start IS NOT NULL OR COALESCE(finished, 0) > 0
                     OR (mid = 'COURSE' AND COALESCE(quiz_tries, 0) > 0) THEN 'IN_PROGRESS'
                ELSE 'NOT_STARTED' END AS status
    FROM r2)
