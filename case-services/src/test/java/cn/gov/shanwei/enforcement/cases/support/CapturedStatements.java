package cn.gov.shanwei.enforcement.cases.support;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL Hibernate sends, as it sends it, for a test to EXPLAIN instead of a hand-written copy. Set it with
 * {@code spring.jpa.properties.hibernate.session_factory.statement_inspector=} this class; {@link #during} records
 * the statements of the current thread while it runs.
 */
public final class CapturedStatements implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    }

    /** The statements this thread prepared while {@code action} ran, in order. */
    public static List<String> during(Runnable action) {
        List<String> recorded = new ArrayList<>();
        RECORDING.set(recorded);
        try {
            action.run();
        } finally {
            RECORDING.remove();
        }
        return recorded;
    }
}
