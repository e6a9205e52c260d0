/**
 * Client of the province's non-tax payment system (非税电子支付, 省非税收入收缴一体化系统) for fines:
 * {@link cn.gov.shanwei.enforcement.adapters.payment.NonTaxPaymentClient} issues electronic payment notices
 * (电子非税收入一般缴款书) and late-payment surcharge notices (加处罚款), queries them, and downloads the daily
 * reconciliation file; {@link cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackHandler} verifies the
 * provider's payment-result callbacks and accepts each notice's result exactly once through a
 * {@link cn.gov.shanwei.enforcement.adapters.payment.PaymentResultStore}; {@link
 * cn.gov.shanwei.enforcement.adapters.payment.ReconciliationMatcher} streams a reconciliation file and reports every
 * mismatch. Money is {@code long} fen everywhere — never floating point.
 */
package cn.gov.shanwei.enforcement.adapters.payment;
