package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.shared.PartyIdentifier;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.util.regex.Pattern;

/**
 * Checks a party's identifier before it is stored: a person's 18-character 居民身份证号码 with its GB 11643 check
 * character, an organisation's 18-character 统一社会信用代码 with its GB 32100 check character. Messages never repeat
 * the identifier.
 */
public final class PartyIdentifiers {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private PartyIdentifiers() {
    }

    public static void check(Party party) {
        if (party.name().isBlank()) {
            throw new DomainValidationException("party.name", "is required");
        }
        String id = party.idNumber();
        if (party.kind() == Party.Kind.PERSON ? !residentIdValid(id) : !usccValid(id)) {
            throw new DomainValidationException("party.idNumber", party.kind() == Party.Kind.PERSON
                    ? "is not an 18-character resident identity number with a valid check character"
                    : "is not an 18-character unified social credit code with a valid check character");
        }
    }

    /**
     * A party identifier typed into a search (当事人标识 search, ADR 0530), in the normal form of the blind index
     * ({@link PartyIdentifier#normalised}: no spaces, upper case), once it is a valid 统一社会信用代码 (GB 32100) or
     * 居民身份证号码 (GB 11643).
     *
     * @param field the request field named in the error
     * @throws DomainValidationException naming {@code field} otherwise; the message never repeats the value
     */
    public static String searchable(String field, String id) {
        String normal = PartyIdentifier.normalised(id);
        if (!residentIdValid(normal) && !usccValid(normal)) {
            throw new DomainValidationException(field, "is not an 18-character unified social credit code (GB 32100) "
                    + "or resident identity number (GB 11643) with a valid check character");
        }
        return normal;
    }

    /**
     * The kind of party an identifier names when nothing else says: a person for a valid 居民身份证号码 whose province
     * code and birth date are possible, an organisation for a valid 统一社会信用代码, a person for any other valid
     * 居民身份证号码; empty when it is neither. (An all-digit 统一社会信用代码 can pass the resident check character by
     * chance, about one in eleven; its first digits are never a province and a birth date together.)
     */
    public static java.util.Optional<Party.Kind> kindOf(String id) {
        if (residentIdValid(id) && plausiblePerson(id)) {
            return java.util.Optional.of(Party.Kind.PERSON);
        }
        return usccValid(id) ? java.util.Optional.of(Party.Kind.ORGANISATION)
                : residentIdValid(id) ? java.util.Optional.of(Party.Kind.PERSON) : java.util.Optional.empty();
    }

    private static final java.util.Set<Integer> PROVINCES = java.util.Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32,
            33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82);

    private static boolean plausiblePerson(String id) {
        if (!PROVINCES.contains(Integer.parseInt(id.substring(0, 2)))) {
            return false;
        }
        try {
            java.time.LocalDate born = java.time.LocalDate.parse(id.substring(6, 14),
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            return born.getYear() >= 1900;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static boolean residentIdValid(String id) {
        if (id == null || !RESIDENT_ID.matcher(id).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == id.charAt(17);
    }

    static boolean usccValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARS.charAt(check) == code.charAt(17);
    }
}
