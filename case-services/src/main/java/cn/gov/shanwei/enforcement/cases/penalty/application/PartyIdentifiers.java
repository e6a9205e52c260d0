package cn.gov.shanwei.enforcement.cases.penalty.application;

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
