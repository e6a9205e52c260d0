package cn.gov.shanwei.enforcement.adapters.identity;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码, USCC) per GB 32100-2015: 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z): registration authority (1), organisation kind (1), region
 * code of the registering authority (6 digits), subject identifier (9) and a check character (1) computed as
 * {@code 31 − (Σ value·weight mod 31)} (31 → 0) with weights {@code 3^i mod 31}. A code that fails is refused here,
 * so it is never sent to a provider.
 *
 * @param value the 18-character code, upper-case
 */
public record SocialCreditCode(String value) {

    /** The 31 characters GB 32100 allows, in value order. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** @throws IdentifierFormatException if the value is not a well-formed code with a matching check character */
    public SocialCreditCode {
        value = check(value);
    }

    /** Parses {@code text} (surrounding blanks ignored, lower case accepted). */
    public static SocialCreditCode parse(String text) {
        return new SocialCreditCode(text);
    }

    /** Whether {@code text} would {@linkplain #parse parse}. */
    public static boolean isValid(String text) {
        return IdentifierFormatException.passes(() -> check(text));
    }

    /** The check character GB 32100 gives for the first 17 characters (which must be from {@link #CHARSET}). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** The six-digit region code of the registering authority (positions 3–8). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String check(String text) {
        if (text == null || text.isBlank()) {
            throw new IdentifierFormatException("uscc", "is required");
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new IdentifierFormatException("uscc", "must have 18 characters, has " + value.length());
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                throw new IdentifierFormatException("uscc", "has a character outside GB 32100's set at position " + (i + 1));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new IdentifierFormatException("uscc", "must have a six-digit region code in positions 3-8");
            }
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw new IdentifierFormatException("uscc", "check character does not match (GB 32100)");
        }
        return value;
    }
}
