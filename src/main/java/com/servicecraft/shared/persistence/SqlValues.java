package com.servicecraft.shared.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Converts the values native queries return, which differ between H2 and MySQL drivers. */
public final class SqlValues {
    private SqlValues() {
    }

    /** Hibernate reads native timestamps with the UTC JDBC zone (persistence.xml), so a Timestamp is the instant. */
    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + o.getClass());
    }

    public static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        throw new IllegalArgumentException("not a date: " + o.getClass());
    }

    public static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    public static long lng(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    public static boolean bool(Object o) {
        if (o == null) {
            return false;
        }
        return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
    }
}
