package cn.gov.shanwei.enforcement.cases.shared;

import java.util.List;
import java.util.Locale;

/**
 * The one normal form of a party identifier (统一社会信用代码 or 身份证号) before it is blind-indexed
 * ({@link FieldCipher#index}): every read row's {@code party_index} and every search by identifier go through it, so
 * that one value typed by an officer finds penalty cases and procedures alike (ADR 0530).
 */
public final class PartyIdentifier {

    private PartyIdentifier() {
    }

    /**
     * {@code id} without any white space (ASCII or the full-width 　) and upper-cased: {@code 91440300 ma5fcl2x5p}
     * becomes {@code 91440300MA5FCL2X5P}, a 身份证号 ending in {@code x} ends in {@code X}. Stored identifiers are already
     * in this form ({@code PartyIdentifiers.check} accepts nothing else), so their index is unchanged by it.
     */
    public static String normalised(String id) {
        StringBuilder out = new StringBuilder(id.length());
        id.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The blind index of {@code id} as {@code penalty_case.party_index} and {@code procedure_case.party_index} hold it:
     * {@link FieldCipher#index} of its {@link #normalised} form, under the current index key. Every write of an
     * index goes through here, so that one search value finds both tables.
     */
    public static String index(FieldCipher cipher, String id) {
        return cipher.index(normalised(id));
    }

    /**
     * What a lookup of {@code id} matches in {@code party_index}: its {@link #index} and, while index keys are
     * retired (ADR 0503), its index under each of them (rows not yet re-indexed).
     */
    public static List<String> indexes(FieldCipher cipher, String id) {
        return cipher.indexes(normalised(id));
    }
}
