package cn.gov.shanwei.enforcement.cases.payment;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

/**
 * Port: a decision with a fine was served, so a payment notice (缴款书) must be issued for it. Called inside the
 * transaction that records the service; an implementation must only hand the work over durably in that same
 * transaction (the app writes it to the outbox), never call a provider.
 */
@FunctionalInterface
public interface PaymentNotices {

    /** No payment system (case-services alone, tests): nothing is issued. */
    PaymentNotices NONE = (due, by) -> { };

    /**
     * Hands over the notice of {@code due}, once per service event (a repeat is a no-op), in the name of the officer
     * who served the decision: the provincial call carries {@code by} in its call context.
     *
     * @param due the fine due
     * @param by  the officer whose step served the decision
     * @throws RuntimeException if it cannot be handed over: the service is then not recorded either
     */
    void fineDue(FineDue due, OfficerId by);
}
