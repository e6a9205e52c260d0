package cn.gov.shanwei.enforcement.sdk.payments;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A payment notice (电子非税收入一般缴款书) to issue through the hub for one of your own business records, e.g. your
 * penalty decision. Validated on construction, so an invalid request is never sent; fields are named by their path
 * in the request body.
 *
 * @param businessKey    your key of what is to be paid (e.g. your decision's id), 1-64 letters, digits or
 *                       {@code . _ : -}: the hub issues <b>one</b> notice per business key, however often you ask
 * @param decisionNumber 处罚决定书文号, 1-64 characters
 * @param payer          who pays
 * @param items          1-10 lines, amounts in fen
 * @param dueDate        last day to pay (缴款期限)
 * @param unitCode       执收单位编码 of the collecting unit (your registration lists the units you may bill for)
 * @param regionCode     the collecting unit's six-digit 行政区划代码
 * @param purpose        the legal purpose: an enforcement matter code (事项编码) is required
 */
public record IssuePaymentNoticeRequest(String businessKey, String decisionNumber, Payer payer,
                                        List<PaymentItem> items, LocalDate dueDate, String unitCode,
                                        String regionCode, Purpose purpose) {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    /** Validates the request. */
    public IssuePaymentNoticeRequest {
        List<FieldError> errors = new ArrayList<>();
        if (businessKey == null || !CODE.matcher(businessKey).matches()) {
            errors.add(new FieldError("businessKey", "must be 1-64 letters, digits or . _ : -"));
        }
        Checks.requireText(errors, "decisionNumber", decisionNumber, 64);
        if (payer == null) {
            errors.add(new FieldError("payer", "is required"));
        }
        if (items == null || items.isEmpty() || items.size() > 10 || items.contains(null)) {
            errors.add(new FieldError("items", "must hold 1 to 10 lines"));
        } else if (items.stream().mapToLong(PaymentItem::amountFen).sum() > PaymentItem.MAX_FEN) {
            errors.add(new FieldError("items", "must add up to at most " + PaymentItem.MAX_FEN + " fen"));
        }
        if (dueDate == null) {
            errors.add(new FieldError("dueDate", "is required"));
        }
        if (unitCode == null || !CODE.matcher(unitCode).matches()) {
            errors.add(new FieldError("unitCode", "must be 1-64 letters, digits or . _ : -"));
        }
        if (regionCode == null || !REGION.matcher(regionCode).matches()) {
            errors.add(new FieldError("regionCode", "must be six digits (行政区划代码)"));
        }
        if (purpose == null || purpose.matterCode() == null) {
            errors.add(new FieldError("purpose.matterCode", "is required"));
        }
        Checks.throwIfAny(errors);
        items = List.copyOf(items);
    }

    /** The amount due: the sum of the items, in fen. */
    public long amountFen() {
        return items.stream().mapToLong(PaymentItem::amountFen).sum();
    }

    @Override
    public String toString() {
        return "IssuePaymentNoticeRequest[businessKey=" + businessKey + ", amountFen=" + amountFen() + ", payer="
                + payer + "]";
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link IssuePaymentNoticeRequest}. Not thread-safe. */
    public static final class Builder {
        private String businessKey;
        private String decisionNumber;
        private Payer payer;
        private final List<PaymentItem> items = new ArrayList<>();
        private LocalDate dueDate;
        private String unitCode;
        private String regionCode;
        private Purpose purpose;

        private Builder() {
        }

        /** Your key of what is to be paid: one notice per key; required. */
        public Builder businessKey(String businessKey) {
            this.businessKey = businessKey;
            return this;
        }

        /** 处罚决定书文号; required. */
        public Builder decisionNumber(String decisionNumber) {
            this.decisionNumber = decisionNumber;
            return this;
        }

        /** Who pays: name and 身份证号 or 统一社会信用代码; required. */
        public Builder payer(String name, String idNumber) {
            this.payer = new Payer(name, idNumber);
            return this;
        }

        /** Adds a line; at least one, at most ten. */
        public Builder item(PaymentItem item) {
            this.items.add(item);
            return this;
        }

        /** Adds a line of {@code amountFen} of the catalogue item {@code itemCode} / {@code itemName}. */
        public Builder item(String itemCode, String itemName, long amountFen) {
            return item(new PaymentItem(itemCode, itemName, amountFen));
        }

        /** Last day to pay; required. */
        public Builder dueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        /** 执收单位编码; required. */
        public Builder unitCode(String unitCode) {
            this.unitCode = unitCode;
            return this;
        }

        /** The collecting unit's 行政区划代码 (six digits); required. */
        public Builder regionCode(String regionCode) {
            this.regionCode = regionCode;
            return this;
        }

        /** The legal purpose, {@code Purpose.of(matterCode)}, optionally with case and officer; required. */
        public Builder purpose(Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        /** @throws ValidationException naming each invalid field */
        public IssuePaymentNoticeRequest build() {
            return new IssuePaymentNoticeRequest(businessKey, decisionNumber, payer, items, dueDate, unitCode,
                    regionCode, purpose);
        }
    }
}
