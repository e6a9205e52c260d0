package cn.gov.shanwei.enforcement.routes.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book-keeping around a provincial call that failed (ledger, monitoring record, message log): whatever goes wrong
 * in it, the provider's failure is the one the caller sees.
 */
public final class Bookkeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Bookkeeping.class);

    private Bookkeeping() {
    }

    /**
     * Runs every step and returns {@code primary} to throw: a step that fails never replaces it but is attached to
     * it as suppressed (and logged), and the later steps are still tried.
     */
    public static RuntimeException keepingPrimary(RuntimeException primary, Runnable... steps) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException secondary) {
                LOG.error("Book-keeping of a failed provider call failed too; the provider's failure stays primary",
                        secondary);
                if (secondary != primary) {
                    primary.addSuppressed(secondary);
                }
            }
        }
        return primary;
    }

    /** Runs a step whose failure must not change the outcome of a call that already succeeded; logs it instead. */
    public static void afterSuccess(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed after a successful provider call; the call's outcome stands", what, e);
        }
    }
}
