package cn.gov.shanwei.enforcement.cases.penalty.application;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items             the items
 * @param page              0-based page number
 * @param size              page size asked for
 * @param total             items matching in the caller's jurisdiction: exact when {@code totalIsLowerBound} is false;
 *                          otherwise more than {@code total} match (a capped count, shown as "10,000+")
 * @param totalIsLowerBound whether {@code total} is a lower bound: the list stopped counting at its cap (the case list
 *                          counts up to {@code hub.cases.list-total-cap}, 10,000, or to the end of the page asked
 *                          for when that is further); false for every list that counts exactly
 * @param incomplete        whether matching items may be missing from this answer and its total: a search by party
 *                          identifier ({@code partyId}) while cases recorded before the identifier was indexed are
 *                          still being indexed (ADR 0530; hub-wide, it says nothing of the party); false otherwise
 * @param <T>               item type
 */
public record CasePage<T>(List<T> items, int page, int size, long total, boolean totalIsLowerBound,
                          boolean incomplete) {

    /** A complete page, its total capped or not. */
    public CasePage(List<T> items, int page, int size, long total, boolean totalIsLowerBound) {
        this(items, page, size, total, totalIsLowerBound, false);
    }

    /** A complete page with an exact total. */
    public CasePage(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    /** The same page, marked as possibly missing items or not. */
    public CasePage<T> incomplete(boolean incomplete) {
        return new CasePage<>(items, page, size, total, totalIsLowerBound, incomplete);
    }

    /** The same page with each item mapped. */
    public <R> CasePage<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
        return new CasePage<>(items.stream().<R>map(mapper).toList(), page, size, total, totalIsLowerBound,
                incomplete);
    }
}
