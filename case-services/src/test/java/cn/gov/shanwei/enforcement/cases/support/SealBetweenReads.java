package cn.gov.shanwei.enforcement.cases.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Commits a seal exactly between a case-file export's two reads, the record and the sealed documents, in whichever
 * order the export makes them, without a hook in the export: the record read is seen by an H2 {@code BEFORE SELECT}
 * trigger on the case's row table ({@link #installOn}), the documents read by the test's seal port calling
 * {@link #documentsRead()}. On the second of the two reads of the exporting thread, the seal runs in another thread
 * (its own transaction, committed) while the export waits, its transaction still open.
 */
public final class SealBetweenReads {

    private static final long SEAL_TIMEOUT_SECONDS = 30;

    private static volatile Plan plan;

    private SealBetweenReads() {
    }

    /** Which of the export's reads came first, and whether the seal has run. */
    private static final class Plan {
        final Thread exporter = Thread.currentThread();
        final Runnable seal;
        String firstRead;
        boolean sealed;

        Plan(Runnable seal) {
            this.seal = seal;
        }
    }

    /** Fires on the record read: a {@code BEFORE SELECT} trigger on the table of the case rows. */
    public static final class RecordRead implements org.h2.api.Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
            read("record");
        }
    }

    /** Puts the record-read trigger on the case row tables {@code tables} (H2). */
    public static void installOn(JdbcTemplate jdbc, String... tables) {
        for (String table : tables) {
            jdbc.execute("create trigger if not exists " + table + "_read_for_race before select on " + table
                    + " call '" + RecordRead.class.getName() + "'");
        }
    }

    /** Called by the test's seal port when the exporting thread asks for the sealed documents. */
    public static void documentsRead() {
        read("documents");
    }

    /**
     * Runs {@code export} in this thread with {@code seal} committed between its two reads.
     *
     * @throws AssertionError if the export did not make both reads, so the seal never ran
     */
    public static <T> T during(Runnable seal, Supplier<T> export) {
        Plan p = new Plan(Objects.requireNonNull(seal, "seal"));
        plan = p;
        T result;
        try {
            result = export.get();
        } finally {
            plan = null;
        }
        if (!p.sealed) {
            throw new AssertionError("the export made " + (p.firstRead == null ? "neither read"
                    : "only its " + p.firstRead + " read") + ": the seal did not run between them");
        }
        return result;
    }

    private static void read(String what) {
        Plan p = plan;
        if (p == null || p.exporter != Thread.currentThread() || p.sealed) {
            return;
        }
        if (p.firstRead == null) {
            p.firstRead = what;
        } else if (!p.firstRead.equals(what)) {
            p.sealed = true;
            try {
                CompletableFuture.runAsync(p.seal, r -> new Thread(r, "seal-between-reads").start())
                        .get(SEAL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the seal between the reads failed", e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the seal between the reads did not commit within "
                        + SEAL_TIMEOUT_SECONDS + " s: it waits on the export", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
