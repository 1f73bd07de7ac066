package com.servicecraft.shared.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The one rule that tells "the database cannot be reached" (an outage: no connection within the
 * configured timeout, a connection refused or cut) from every other failure. Pages answer such a
 * failure with 503 "try again", the autosave with "not saved, retrying"; never a stack trace.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or one of its causes says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // SQLState class 08: connection exception (MySQL's communications link failure is 08S01).
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
