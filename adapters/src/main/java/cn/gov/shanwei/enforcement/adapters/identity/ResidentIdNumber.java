package cn.gov.shanwei.enforcement.adapters.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A resident identity number (公民身份号码, 身份证号) per GB 11643-1999: six digits of region (行政区划代码), eight of
 * birth date, three of sequence (odd for men, even for women), one check character computed with ISO 7064
 * MOD 11-2 ({@code 0–9} or {@code X}). A value that fails is refused here, so it is never sent to a provider.
 *
 * <p>{@link #toString()} masks all but the first three and last two characters.
 *
 * @param value the 18-character number, check character upper-case
 */
public record ResidentIdNumber(String value) {

    /** Weights of positions 1–17: 2^(18−i) mod 11. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character by (weighted sum mod 11). */
    private static final String CHECK = "10X98765432";

    /** @throws IdentifierFormatException if the value is not a well-formed number with a matching check character */
    public ResidentIdNumber {
        value = check(value);
    }

    /** Parses {@code text} (surrounding blanks ignored, a lower-case {@code x} accepted). */
    public static ResidentIdNumber parse(String text) {
        return new ResidentIdNumber(text);
    }

    /** Whether {@code text} would {@linkplain #parse parse}. */
    public static boolean isValid(String text) {
        return IdentifierFormatException.passes(() -> check(text));
    }

    /** The check character ISO 7064 MOD 11-2 gives for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The birth date encoded in positions 7–14. */
    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** The six-digit region code of first registration. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** {@code 441***********123X}-style: first three and last two characters. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(13) + value.substring(16);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String check(String text) {
        if (text == null || text.isBlank()) {
            throw new IdentifierFormatException("idNumber", "is required");
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new IdentifierFormatException("idNumber", "must have 18 characters, has " + value.length());
        }
        for (int i = 0; i < 17; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new IdentifierFormatException("idNumber", "must have digits in positions 1-17");
            }
        }
        if (value.charAt(0) == '0') {
            throw new IdentifierFormatException("idNumber", "has no valid region code");
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (born.getYear() < 1900) {
                throw new IdentifierFormatException("idNumber", "has a birth date before 1900");
            }
        } catch (DateTimeException e) {
            throw new IdentifierFormatException("idNumber", "has no valid birth date in positions 7-14");
        }
        char expected = checkCharacter(value);
        if (value.charAt(17) != expected) {
            throw new IdentifierFormatException("idNumber", "check character does not match (GB 11643, ISO 7064 MOD 11-2)");
        }
        return value;
    }
}
