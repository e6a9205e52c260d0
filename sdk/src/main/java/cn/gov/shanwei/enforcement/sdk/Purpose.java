package cn.gov.shanwei.enforcement.sdk;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a call is made, written to the hub's monitoring record of the provincial call: the enforcement matter
 * (事项编码, the legal purpose), and where known the case (案件编号) and the officer (执法人员). Services that touch
 * personal data (a person check, an organisation lookup) require a matter code the client is registered for; map
 * reads and law lookups take one optionally.
 *
 * @param matterCode enforcement matter code; {@code null} only for {@link #none()}
 * @param caseNumber case number, optional
 * @param officerId  officer id, optional
 */
public record Purpose(String matterCode, String caseNumber, String officerId) {

    private static final int MAX_LENGTH = 64;
    private static final Purpose NONE = new Purpose(null, null, null);

    /** Validates the lengths (the hub checks the rest). */
    public Purpose {
        List<FieldError> errors = new ArrayList<>();
        Checks.optionalText(errors, "purpose.matterCode", matterCode, MAX_LENGTH);
        Checks.optionalText(errors, "purpose.caseNumber", caseNumber, MAX_LENGTH);
        Checks.optionalText(errors, "purpose.officerId", officerId, MAX_LENGTH);
        Checks.throwIfAny(errors);
    }

    /** No stated purpose: for reads that take none (map reads, law lookups). */
    public static Purpose none() {
        return NONE;
    }

    /** The legal purpose: an enforcement matter code. */
    public static Purpose of(String matterCode) {
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "purpose.matterCode", matterCode, MAX_LENGTH);
        Checks.throwIfAny(errors);
        return new Purpose(matterCode, null, null);
    }

    /** A copy naming the case the call serves. */
    public Purpose withCase(String caseNumber) {
        return new Purpose(matterCode, caseNumber, officerId);
    }

    /** A copy naming the officer who asks. */
    public Purpose withOfficer(String officerId) {
        return new Purpose(matterCode, caseNumber, officerId);
    }
}
