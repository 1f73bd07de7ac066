-- The rows of the HR completion records: the :pairs of learning/course-facts.sql. One row per trainee x
-- assigned part: own ACTIVE assignments and the group's, each by its index (assignment.user_id,
-- group_member.user_id); an assignment of the whole course yields every module and the course row.
-- With :every = 1 instead the course row of every trainee, assigned or not (certificates).
--   :group  the filtered group (its name is shown on the row), or NULL
SELECT t.uid, ml.mid, MIN(t.start_date) AS assigned, MIN(t.due_date) AS due,
       COALESCE(MIN(CASE WHEN t.gid = :group THEN t.gname END), MIN(t.gname)) AS gname, MAX(t.updated_at) AS a_upd
FROM (
    SELECT gm.user_id AS uid, a.module_id, a.start_date, a.due_date, g.name AS gname, g.id AS gid, a.updated_at
    FROM group_member gm JOIN assignment a ON a.group_id = gm.group_id JOIN training_group g ON g.id = a.group_id
    WHERE a.status = 'ACTIVE' AND :every = 0 AND :users(gm.user_id)
    UNION ALL
    SELECT a.user_id, a.module_id, a.start_date, a.due_date, NULL, NULL, a.updated_at FROM assignment a
    WHERE a.status = 'ACTIVE' AND :every = 0 AND a.user_id IS NOT NULL AND :users(a.user_id)) t
JOIN ml ON (t.module_id IS NULL OR t.module_id = ml.mid)
GROUP BY t.uid, ml.mid
UNION ALL
SELECT u.id, 'COURSE', NULL, NULL, NULL, NULL FROM app_user u
WHERE :every = 1 AND :users(u.id)
  AND EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id AND ur.role = 'TRAINEE')
