package cn.gov.shanwei.enforcement.domain.licence;

/**
 * Computes the check character of a licence identifier (证照标识, GB/T 36904) from its other characters.
 * Pluggable because public implementations agree on ISO 7064 MOD 37,36 but the standard's field widths
 * are not published; a deployment can substitute the province's algorithm.
 */
@FunctionalInterface
public interface LicenceIdCheck {

    /**
     * @param payload the identifier's characters before the check character, without separators, upper case
     * @return the check character
     * @throws IllegalArgumentException if the payload holds a character outside the algorithm's alphabet
     */
    char checkCharacter(String payload);

    /** ISO 7064 MOD 37,36 (hybrid system over 0-9A-Z), as used by public GB/T 36904 implementations. */
    LicenceIdCheck ISO_7064_MOD_37_36 = payload -> {
        final int m = 36;
        int p = m;
        for (int i = 0; i < payload.length(); i++) {
            int value = Character.digit(payload.charAt(i), m);
            if (value < 0 || Character.isLowerCase(payload.charAt(i))) {
                throw new IllegalArgumentException("character '" + payload.charAt(i) + "' is not in 0-9A-Z");
            }
            int s = (p + value) % m;
            if (s == 0) {
                s = m;
            }
            p = (s * 2) % (m + 1);
        }
        int check = (m + 1 - p) % m;
        return Character.toUpperCase(Character.forDigit(check, m));
    };
}
