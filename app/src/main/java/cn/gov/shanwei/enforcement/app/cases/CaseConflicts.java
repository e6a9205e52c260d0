package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;

import java.util.function.Supplier;

/**
 * Retries a whole transaction that records a provider's confirmation on a case (a payment, a publication) when it
 * lost the race against another writer of the same case: nobody waits behind it to retry, and the confirmation is
 * a fact to be recorded, not an edit made against a version someone read.
 */
public final class CaseConflicts {

    /** Attempts in all. */
    public static final int ATTEMPTS = 3;

    private CaseConflicts() {
    }

    /**
     * Runs {@code transaction} (which must open and end its own transaction) again after a
     * {@link ConcurrentEditException}, at most {@value #ATTEMPTS} times in all.
     */
    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrentEditException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
