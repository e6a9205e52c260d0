package cn.gov.shanwei.enforcement.adapters.licence;

import java.util.List;

/**
 * One page of a holder's licences.
 *
 * @param licences this page's licences, at most {@code pageSize}
 * @param total    matching licences on all pages
 * @param pageNo   this page, from 1
 * @param pageSize the page size asked for
 */
public record LicencePage(List<LicenceSummary> licences, int total, int pageNo, int pageSize) {

    public LicencePage {
        licences = List.copyOf(licences);
    }

    /** Whether a later page holds more licences. */
    public boolean hasNext() {
        return (long) pageNo * pageSize < total;
    }
}
