/**
 * The fine's payment through the province's non-tax payment system, as the case platform sees it: the
 * {@link cn.gov.shanwei.enforcement.cases.payment.PaymentNotices} port told when a decision with a fine is served
 * (implemented in the app with the durable outbox), the {@link cn.gov.shanwei.enforcement.cases.payment.FineDue}
 * a notice is issued for, and {@link cn.gov.shanwei.enforcement.cases.payment.ConfirmedPayments}, which records a
 * payment the provider confirmed as the case's payment step.
 */
package cn.gov.shanwei.enforcement.cases.payment;
