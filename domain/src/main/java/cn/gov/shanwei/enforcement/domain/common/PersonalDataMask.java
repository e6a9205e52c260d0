package cn.gov.shanwei.enforcement.domain.common;

/**
 * Masks personal identifiers (身份证号, 统一社会信用代码, phone numbers) for display and logs: the first four and
 * the last two characters stay, the rest become {@code *}. Short values are masked whole.
 */
public final class PersonalDataMask {

    private static final int KEEP_HEAD = 4;
    private static final int KEEP_TAIL = 2;

    private PersonalDataMask() {
    }

    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        if (length <= KEEP_HEAD + KEEP_TAIL) {
            return "*".repeat(length);
        }
        return value.substring(0, KEEP_HEAD) + "*".repeat(length - KEEP_HEAD - KEEP_TAIL)
                + value.substring(length - KEEP_TAIL);
    }
}
