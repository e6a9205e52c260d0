/**
 * Non-tax payment of fines in the case workflow (issues 5 + 6 + 7, ADRs 0801–0803): the durable
 * {@code payment.issue-notice} operation enqueued when a decision with a fine is served, the notice stored against
 * the case and readable on the staff API, and the provider's signed result callback at {@code /callbacks/payment},
 * accepted once per notice and recorded as the case's payment step in one transaction.
 */
package cn.gov.shanwei.enforcement.app.payment;
