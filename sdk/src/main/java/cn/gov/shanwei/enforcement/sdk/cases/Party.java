package cn.gov.shanwei.enforcement.sdk.cases;

import java.util.Objects;

/**
 * The party (当事人) of a case.
 *
 * @param kind     person or organisation
 * @param name     name (姓名/名称)
 * @param idNumber resident identity card number or unified social credit code; the hub checks its check digit
 *                 and stores it encrypted
 */
public record Party(PartyKind kind, String name, String idNumber) {

    /** Validates required components. */
    public Party {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
    }

    /** Never prints the identifier. */
    @Override
    public String toString() {
        return "Party[" + kind + ", " + name + "]";
    }
}
