-- No job takes a lease: each claims its own rows (a notification's mail claim, an attempt's
-- conditional submit) or relies on a unique key (reminders, certificates), so job_lease was never used.
DROP TABLE job_lease;

-- The course shape the completion records are computed against (reporting.CourseShape): one
-- row per module and one for the whole course ('COURSE'), and the lessons that count. Keyed by a
-- hash of the shape, so every loaded version of the content has its own rows and a node still
-- serving the previous version keeps reading its own; written once per shape, on first use.
CREATE TABLE course_shape_part (
    shape_key     VARCHAR(64)  NOT NULL,
    part_id       VARCHAR(80)  NOT NULL,
    ord           INT          NOT NULL,
    lessons_req   INT          NOT NULL,
    quizzes_req   INT          NOT NULL,
    quiz_req      INT          NOT NULL,
    allowed       INT          NOT NULL,
    part_version  VARCHAR(80)  NOT NULL,
    PRIMARY KEY (shape_key, part_id)
);

CREATE TABLE course_shape_lesson (
    shape_key  VARCHAR(64)  NOT NULL,
    module_id  VARCHAR(80)  NOT NULL,
    lesson_id  VARCHAR(80)  NOT NULL,
    PRIMARY KEY (shape_key, module_id, lesson_id)
);
