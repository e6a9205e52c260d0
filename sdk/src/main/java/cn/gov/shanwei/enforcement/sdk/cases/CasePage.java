package cn.gov.shanwei.enforcement.sdk.cases;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total items in all pages
 * @param <T>   item type
 */
public record CasePage<T>(List<T> items, int page, int size, long total) {

    /** Copies the items. */
    public CasePage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether a later page has items. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
