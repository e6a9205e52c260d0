package cn.gov.shanwei.enforcement.adapters.identity;

import java.util.List;

/**
 * One page of the enforcement workforce library (执法人员库), in officer-id order.
 *
 * @param page     which page (0, 1, …)
 * @param size     the page size asked for
 * @param total    officer records in the whole library
 * @param officers this page's records
 */
public record StaffPage(int page, int size, long total, List<OfficerRecord> officers) {

    public StaffPage {
        officers = List.copyOf(officers);
    }

    /** Whether a later page may hold more records. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total && !officers.isEmpty();
    }
}
