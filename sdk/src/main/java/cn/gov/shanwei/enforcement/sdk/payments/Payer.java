package cn.gov.shanwei.enforcement.sdk.payments;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who must pay (缴款人): a person by 身份证号 or an organisation by 统一社会信用代码. Personal data: {@link #toString()}
 * masks the number; the hub keeps it encrypted and never returns it.
 *
 * @param name     name, 1-100 characters
 * @param idNumber 18 characters of digits and capital letters (the hub also checks the check character)
 */
public record Payer(String name, String idNumber) {

    private static final Pattern ID = Pattern.compile("[0-9A-Z]{18}");

    /** Validates the payer. */
    public Payer {
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "payer.name", name, 100);
        if (idNumber == null || !ID.matcher(idNumber).matches()) {
            errors.add(new FieldError("payer.idNumber", "must be a 身份证号 or 统一社会信用代码 of 18 characters"));
        }
        Checks.throwIfAny(errors);
    }

    @Override
    public String toString() {
        return "Payer[name=" + name + ", idNumber=" + idNumber.substring(0, 4) + "**********"
                + idNumber.substring(14) + "]";
    }
}
