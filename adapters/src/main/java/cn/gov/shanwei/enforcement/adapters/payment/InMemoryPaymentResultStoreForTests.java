package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PaymentResultStore} in memory — <strong>for tests only</strong>: it forgets everything on restart, so a
 * hub using it would accept a payment twice. Production stores results in the database.
 */
public final class InMemoryPaymentResultStoreForTests implements PaymentResultStore {

    private final Map<String, PaymentResult> results = new ConcurrentHashMap<>();

    @Override
    public Recorded recordFirst(PaymentResult result) {
        PaymentResult previous = results.putIfAbsent(result.noticeNumber(), result);
        return previous == null ? new Recorded(result, true) : new Recorded(previous, false);
    }

    /** Number of notices with a recorded result. */
    public int size() {
        return results.size();
    }
}
