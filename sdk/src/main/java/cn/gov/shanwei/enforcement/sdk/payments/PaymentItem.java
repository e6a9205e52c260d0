package cn.gov.shanwei.enforcement.sdk.payments;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a payment notice (缴款书收入项目): an item of the province's non-tax catalogue and its amount.
 *
 * @param itemCode  收入项目编码, 1-64 letters, digits or {@code . _ : -}, e.g. {@code 103050100} (罚没收入)
 * @param itemName  its name, 1-60 characters
 * @param amountFen the amount in fen (分), 1 to 10,000,000,000; never a floating-point number
 */
public record PaymentItem(String itemCode, String itemName, long amountFen) {

    /** The catalogue item of fines and confiscations (罚没收入). */
    public static final String FINE_ITEM_CODE = "103050100";
    /** Its name. */
    public static final String FINE_ITEM_NAME = "罚没收入";
    /** The largest amount of one notice, in fen (100 million yuan). */
    public static final long MAX_FEN = 10_000_000_000L;

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    /** Validates the line. */
    public PaymentItem {
        List<FieldError> errors = new ArrayList<>();
        if (itemCode == null || !CODE.matcher(itemCode).matches()) {
            errors.add(new FieldError("itemCode", "must be 1-64 letters, digits or . _ : -"));
        }
        Checks.requireText(errors, "itemName", itemName, 60);
        if (amountFen < 1 || amountFen > MAX_FEN) {
            errors.add(new FieldError("amountFen", "must be 1 to " + MAX_FEN + " fen"));
        }
        Checks.throwIfAny(errors);
    }

    /** A fine (罚没收入) of {@code amountFen}. */
    public static PaymentItem fine(long amountFen) {
        return new PaymentItem(FINE_ITEM_CODE, FINE_ITEM_NAME, amountFen);
    }
}
