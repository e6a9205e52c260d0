package cn.gov.shanwei.enforcement.app.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Tests that serve a decision wait here first: the hub serves a decision only once its document is sealed and
 * verified (ADR 0210), which the sandbox's seal service does within seconds through the durable queue.
 */
public final class DecisionSealsAwait {

    private DecisionSealsAwait() {
    }

    /**
     * Waits until the case's latest decision document is {@code SEALED} (and so its {@code DecisionSealed} event is
     * committed).
     *
     * @throws AssertionError at once when the document reached a state needing a person, or after 60 seconds
     */
    public static void awaitDecisionSealed(JdbcClient jdbc, UUID caseId) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = null;
        while (System.nanoTime() < until) {
            Optional<String> found = jdbc.sql("SELECT state FROM decision_document WHERE case_id = ?"
                    + " ORDER BY created_at DESC, document_id FETCH FIRST 1 ROWS ONLY").param(caseId)
                    .query(String.class).optional();
            state = found.orElse(null);
            if ("SEALED".equals(state)) {
                return;
            }
            if (state != null && !"PENDING".equals(state)) {
                String problem = jdbc.sql("SELECT problem FROM decision_document WHERE case_id = ?"
                        + " ORDER BY created_at DESC, document_id FETCH FIRST 1 ROWS ONLY").param(caseId)
                        .query(String.class).optional().orElse("");
                throw new AssertionError("the decision document of case " + caseId + " is " + state + ": " + problem);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("the decision document of case " + caseId + " was not sealed within 60 s (state "
                + state + ")");
    }
}
