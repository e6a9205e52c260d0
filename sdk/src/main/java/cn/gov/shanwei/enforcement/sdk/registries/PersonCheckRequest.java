package cn.gov.shanwei.enforcement.sdk.registries;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Is this id number this person's? A check against 人口库 for a stated legal purpose. {@code toString} never shows
 * the id number.
 *
 * @param idNumber 居民身份证号码, 18 characters (the hub verifies the check character)
 * @param name     the name the person gave
 * @param purpose  the legal purpose: a matter code is required
 */
public record PersonCheckRequest(String idNumber, String name, Purpose purpose) {

    /** @throws ValidationException (status 0) naming each bad field */
    public PersonCheckRequest {
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "idNumber", idNumber, 18);
        Checks.requireText(errors, "name", name, 50);
        if (purpose == null || purpose.matterCode() == null) {
            errors.add(new FieldError("purpose.matterCode", "is required"));
        }
        Checks.throwIfAny(errors);
    }

    /** A check for {@code purpose}. */
    public static PersonCheckRequest of(String idNumber, String name, Purpose purpose) {
        return new PersonCheckRequest(idNumber, name, purpose);
    }

    @Override
    public String toString() {
        return "PersonCheckRequest[idNumber=****, purpose=" + purpose + "]";
    }
}
