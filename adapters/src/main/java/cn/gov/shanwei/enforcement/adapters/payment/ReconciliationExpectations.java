package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.Set;

/**
 * What our side knows, to match a reconciliation file against: the notices we issued (with their amounts due) and
 * the notices whose payment we accepted for the file's day. Implemented over the hub's database by the app.
 */
public interface ReconciliationExpectations extends IssuedNotices {

    /** Notices whose payment we accepted (by callback) for the day being reconciled. */
    Set<String> confirmedPaid();
}
