package cn.gov.shanwei.enforcement.domain.common;

/**
 * Text cut to what a column or a provincial field holds, never splitting a character: a name written with a
 * character outside the Basic Multilingual Plane (common in Chinese names, e.g. 𠮷, U+20BB7) is two UTF-16 units, and
 * cutting between them leaves half a character that PostgreSQL's driver, Jackson and the province's parsers each treat
 * differently (replaced, refused or passed on). A cut that would fall inside such a pair falls before it, so the result
 * may be one unit shorter than {@code max}.
 */
public final class TextCut {

    private static final String ELLIPSIS = "…";

    private TextCut() {
    }

    /**
     * {@code value} as it is if it has at most {@code max} UTF-16 units, else its first {@code max} (or
     * {@code max - 1}, not to split a surrogate pair); null stays null.
     *
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public static String atMost(String value, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, boundary(value, max));
    }

    /**
     * As {@link #atMost}, but a cut value ends with "…" within the {@code max} units, so a reader sees that it was
     * cut; null stays null.
     *
     * @throws IllegalArgumentException if {@code max} is below 2
     */
    public static String withEllipsis(String value, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2, was " + max);
        }
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, boundary(value, max - ELLIPSIS.length())) + ELLIPSIS;
    }

    /** The end of a prefix of at most {@code end} units that does not end inside a surrogate pair. */
    private static int boundary(String value, int end) {
        return Character.isHighSurrogate(value.charAt(end - 1)) && Character.isLowSurrogate(value.charAt(end))
                ? end - 1 : end;
    }
}
