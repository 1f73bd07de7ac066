package com.servicecraft.testing;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records the SQL statements Hibernate prepares on the current thread, for tests that count them. */
public class SqlCounter implements StatementInspector {
    private static final ThreadLocal<List<String>> RECORDED = ThreadLocal.withInitial(ArrayList::new);

    @Override
    public String inspect(String sql) {
        RECORDED.get().add(sql);
        return sql;
    }

    public static void reset() {
        RECORDED.get().clear();
    }

    public static List<String> statements() {
        return Collections.unmodifiableList(new ArrayList<>(RECORDED.get()));
    }
}
