package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.Objects;

/**
 * Where each notice's payment result is recorded exactly once. The app implements it over its database (a unique
 * key on the notice number, recorded in the same transaction as the case's "fine paid" event); this module only
 * defines the contract. {@link InMemoryPaymentResultStoreForTests} exists for tests.
 */
public interface PaymentResultStore {

    /**
     * Records {@code result} as its notice's result unless a result is already recorded; atomic per notice.
     *
     * @return the notice's recorded result and whether this call recorded it
     */
    Recorded recordFirst(PaymentResult result);

    /**
     * @param result the notice's recorded result (the given one when {@code first})
     * @param first  whether this call recorded it
     */
    record Recorded(PaymentResult result, boolean first) {

        public Recorded {
            Objects.requireNonNull(result, "result");
        }
    }
}
