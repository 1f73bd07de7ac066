package com.servicecraft.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The completion rules as SQL text, the one place they are written ({@code course-facts.sql}): a WITH
 * clause ending in {@code rules}, one row per trainee × course part with its facts, completion time,
 * exhausted attempts and whether it is started. {@link ModuleFactsQuery} selects from it for a list of
 * trainees; {@code reporting.CompletionQuery} continues it for the HR records. Values are written in
 * as literals, not bound: H2 keeps a WITH clause's parameter values from a statement's first run, so a
 * second chunk would read the first chunk's. Every value is a number, a date, a hash or a validated
 * content id ({@link CourseShape}).
 */
public final class CourseFactsSql {
    private static final String RULES = resource(CourseFactsSql.class, "course-facts.sql");
    private static final Pattern USERS = Pattern.compile(":users\\(([a-z_.]+)\\)");
    private static final Pattern NAMED = Pattern.compile(":([a-z_]+)");

    private CourseFactsSql() {
    }

    /** Which trainees: user ids in (from, to], or the listed ids. */
    public record Users(long from, long to, Collection<Long> ids) {
        public static Users range(long from, long to) {
            return new Users(from, to, null);
        }

        public static Users of(Collection<Long> ids) {
            return new Users(0, 0, ids);
        }

        String predicate(String column) {
            return ids == null ? column + " > " + from + " AND " + column + " <= " + to
                    : ids.isEmpty() ? "1 = 0" : column + " IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        }
    }

    /**
     * {@code course-facts.sql} with {@code pairs} (a SELECT of uid, mid, ...) as its trainee × part rows,
     * followed by {@code rest} (", r1 AS (...)" or " SELECT ... FROM rules"), every {@code :users(column)}
     * and {@code :name} written in; {@code values} holds :shape and the names {@code pairs} and {@code rest} use.
     */
    public static String statement(String pairs, String rest, Users users, Map<String, Object> values) {
        String text = RULES.replace(":pairs", pairs) + " " + rest;
        Matcher u = USERS.matcher(text);
        StringBuilder withUsers = new StringBuilder();
        while (u.find()) {
            u.appendReplacement(withUsers, Matcher.quoteReplacement(users.predicate(u.group(1))));
        }
        u.appendTail(withUsers);
        Matcher m = NAMED.matcher(withUsers);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalStateException("course facts statement: no value for :" + m.group(1));
            }
            m.appendReplacement(sql, Matcher.quoteReplacement(literal(values.get(m.group(1)))));
        }
        m.appendTail(sql);
        return sql.toString();
    }

    /** A value as an SQL literal of H2 and MySQL/MariaDB alike. */
    public static String literal(Object v) {
        return v == null ? "NULL" : v instanceof Number ? v.toString()
                : v instanceof LocalDate d ? "DATE '" + d + "'"
                : v instanceof Instant i ? "TIMESTAMP '" + Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "'"
                : "'" + v.toString().replace("'", "''") + "'";
    }

    /** A resource's text without its "--" comments, on one line (the named parameters are found in the code only). */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.contains("--") ? l.substring(0, l.indexOf("--")) : l)
                    .filter(l -> !l.isBlank()).map(String::strip).collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
