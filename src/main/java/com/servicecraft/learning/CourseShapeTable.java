package com.servicecraft.learning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The course shape as rows ({@code course_shape_part}, {@code course_shape_lesson}), which the
 * completion statement joins instead of carrying the course in its text. A shape is keyed by a
 * hash of everything the rules read (not the titles), so the rows of a key never change: they
 * are written once, by whichever node first needs them, in one transaction; a second node writing
 * the same key at the same moment loses on the primary key and finds the rows there.
 */
public final class CourseShapeTable {
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    /** The shape's key when this instance has already seen its rows, or null. */
    public String knownKey(CourseShape shape) {
        String key = key(shape);
        return stored.contains(key) ? key : null;
    }

    /** The shape's key, its rows written if they are not there yet. */
    public String ensure(Connection c, CourseShape shape) throws SQLException {
        String key = key(shape);
        if (stored.contains(key)) {
            return key;
        }
        if (!present(c, key)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                write(c, key, shape);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!present(c, key)) {
                    throw e;
                }
            } finally {
                c.setAutoCommit(auto);
            }
        }
        stored.add(key);
        return key;
    }

    private static boolean present(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM course_shape_part WHERE shape_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void write(Connection c, String key, CourseShape shape) throws SQLException {
        try (PreparedStatement part = c.prepareStatement("INSERT INTO course_shape_part (shape_key, part_id, ord, lessons_req,"
                + " quizzes_req, quiz_req, allowed, part_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement lesson = c.prepareStatement(
                     "INSERT INTO course_shape_lesson (shape_key, module_id, lesson_id) VALUES (?, ?, ?)")) {
            for (CourseShape.Part p : shape.parts()) {
                part.setString(1, key);
                part.setString(2, p.id());
                part.setInt(3, p.order());
                part.setInt(4, p.lessonsRequired());
                part.setInt(5, p.quizzesRequired());
                part.setInt(6, p.quizRequired() ? 1 : 0);
                part.setInt(7, p.attemptsAllowed());
                part.setString(8, p.version());
                part.addBatch();
                for (String l : p.isCourse() ? java.util.List.<String>of() : p.lessonIds()) {
                    lesson.setString(1, key);
                    lesson.setString(2, p.id());
                    lesson.setString(3, l);
                    lesson.addBatch();
                }
            }
            part.executeBatch();
            lesson.executeBatch();
        }
    }

    /** SHA-256 over what the completion rules read of the shape. */
    static String key(CourseShape shape) {
        StringBuilder s = new StringBuilder(shape.courseId()).append('\n').append(shape.courseVersion()).append('\n');
        for (CourseShape.Part p : shape.parts()) {
            s.append(p.id()).append('|').append(p.version()).append('|').append(p.order()).append('|').append(p.lessonsRequired())
                    .append('|').append(p.quizzesRequired()).append('|').append(p.quizRequired()).append('|')
                    .append(p.attemptsAllowed()).append('|').append(String.join(",", p.lessonIds())).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
