package cn.gov.shanwei.enforcement.sdk.cases;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items             the items of this page
 * @param page              0-based page number
 * @param size              page size asked for
 * @param total             items in all pages: exact when {@code totalIsLowerBound} is false; otherwise more than
 *                          {@code total} items match (the hub stopped counting, e.g. at 10,000: show "10,000+")
 * @param totalIsLowerBound whether the hub capped its count; false from a hub that does not say (older hubs, and
 *                          every list that counts exactly)
 * @param incomplete        whether matching items may be missing: a search by party identifier while the hub is
 *                          still indexing cases recorded before it could search by identifier (ask again later);
 *                          false from a hub that does not say
 * @param <T>               item type
 */
public record CasePage<T>(List<T> items, int page, int size, long total, boolean totalIsLowerBound,
                          boolean incomplete) {

    /** Copies the items. */
    public CasePage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A complete page, its total capped or not. */
    public CasePage(List<T> items, int page, int size, long total, boolean totalIsLowerBound) {
        this(items, page, size, total, totalIsLowerBound, false);
    }

    /** A page with an exact total. */
    public CasePage(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    /**
     * Whether a later page has items. A capped total always reaches at least to the end of the page asked for, so
     * with {@code totalIsLowerBound} more items follow this page.
     */
    public boolean hasNext() {
        return totalIsLowerBound || (long) (page + 1) * size < total;
    }
}
