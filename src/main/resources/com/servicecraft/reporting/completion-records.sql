-- The completion records: learning/course-facts.sql (the completion rules, with completion-pairs.sql as
-- its :pairs) continued with who the trainee is, when the row last changed and its status against the
-- due date. CompletionQuery appends "SELECT ... FROM r3 WHERE ...". Named parameters (besides those of
-- course-facts.sql and completion-pairs.sql), bound by CompletionQuery:
--   :course_id  the course's id (its certificates)   :today  the organisation's today (overdue)
r1 AS (
    SELECT rules.*, u.employee_number, u.display_name, u.department_id, d.name AS dept, u.job_title,
           u.updated_at AS u_upd, ap.status AS ap_status, ap.updated_at AS ap_upd, c.cert_number, c.issued_at AS cert_at
    FROM rules JOIN app_user u ON u.id = rules.uid
    LEFT JOIN department d ON d.id = u.department_id
    LEFT JOIN action_plan ap ON ap.user_id = rules.uid
    LEFT JOIN certificate c ON c.user_id = rules.uid AND c.course_id = :course_id),
r2 AS (
    SELECT r1.*,
           GREATEST(COALESCE(a_upd, TIMESTAMP '1970-01-01 00:00:00'), COALESCE(u_upd, TIMESTAMP '1970-01-01 00:00:00'),
                    COALESCE(last_seen, TIMESTAMP '1970-01-01 00:00:00'), COALESCE(last_act, TIMESTAMP '1970-01-01 00:00:00'),
                    COALESCE(post_act, TIMESTAMP '1970-01-01 00:00:00'), COALESCE(ap_upd, TIMESTAMP '1970-01-01 00:00:00'),
                    COALESCE(cert_at, TIMESTAMP '1970-01-01 00:00:00')) AS updated
    FROM r1),
-- the status ladder of learning.ProgressStatus.of: completed, attempts exhausted (failed after the due
-- date, needs trainer before), overdue, in progress, not started
r3 AS (
    SELECT r2.*,
           CASE WHEN completed_at IS NOT NULL THEN 'COMPLETED'
                WHEN exhausted = 1 AND due < :today THEN 'FAILED'
                WHEN exhausted = 1 THEN 'NEEDS_TRAINER'
                WHEN due < :today THEN 'OVERDUE'
                WHEN started = 1 THEN 'IN_PROGRESS'
                ELSE 'NOT_STARTED' END AS status
    FROM r2)
