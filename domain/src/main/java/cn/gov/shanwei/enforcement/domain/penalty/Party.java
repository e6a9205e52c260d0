package cn.gov.shanwei.enforcement.domain.penalty;

import java.util.Objects;

/**
 * The party (当事人) of a case.
 *
 * @param kind     a natural person or an organisation
 * @param name     name
 * @param idNumber 身份证号 or 统一社会信用代码 (personal data: mask it in logs)
 */
public record Party(Kind kind, String name, String idNumber) {

    /** Whether the party is a person or an organisation (thresholds differ). */
    public enum Kind { PERSON, ORGANISATION }

    public Party {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
    }
}
