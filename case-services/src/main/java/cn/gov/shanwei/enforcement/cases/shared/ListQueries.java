package cn.gov.shanwei.enforcement.cases.shared;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** What every paged, filtered and sorted case list checks and builds the same way. */
public final class ListQueries {

    /** Largest page a list serves. */
    public static final int MAX_PAGE_SIZE = 100;

    /** How far a capped total counts by default ({@code hub.cases.list-total-cap}): "10,000+" beyond. */
    public static final int DEFAULT_TOTAL_CAP = 10_000;

    /**
     * The escape clause every {@code like} with a {@link #containing} pattern must carry: without one Hibernate sends
     * {@code escape ''} on PostgreSQL (no escape character at all), so the escaped text would match differently on H2
     * and PostgreSQL.
     */
    public static final String LIKE_ESCAPE = " escape '\\'";

    private ListQueries() {
    }

    /** Refuses an unknown sort field, a negative page, a page size outside 1–100 and an offset past int. */
    public static void checkPage(String sort, Collection<String> sortable, int page, int size) {
        if (!sortable.contains(sort)) {
            throw new DomainValidationException("sort", "must be one of " + sortable);
        }
        if (page < 0) {
            throw new DomainValidationException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainValidationException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // page * size would overflow the int offset and wrap round to an earlier page (or a negative offset)
            throw new DomainValidationException("page", "is beyond the last position a list can reach");
        }
    }

    /** Adds {@code condition} with parameter {@code name} when {@code value} is given (not null, not blank). */
    public static void filter(StringBuilder where, Map<String, Object> params, String condition, String name,
                              Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    /**
     * How many matching rows a capped total counts before it stops: the cap, or the end of the page asked for when
     * that is further (so that a page past the cap still learns whether a later page has items).
     */
    public static int countLimit(int cap, int page, int size) {
        return (int) Math.min(Integer.MAX_VALUE - 1L, Math.max(cap, (long) (page + 1) * size));
    }

    /**
     * A case-insensitive "contains" pattern for {@code text}, or null when none is given; for a condition
     * {@code lower(…) like :p} + {@link #LIKE_ESCAPE}. The text matches literally: its {@code %}, {@code _} and
     * {@code \} are escaped, so a search for {@code 100%} finds names containing "100%" and {@code a_b} not "axb".
     */
    public static String containing(String text) {
        return text == null ? null : "%" + escapeLike(lowered(text)) + "%";
    }

    /** The search text lower-cased as the lists compare it (with {@code lower(…)} on the column), or null. */
    public static String lowered(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** {@code text} with the wildcards {@code %} and {@code _} and the escape character {@code \} escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
