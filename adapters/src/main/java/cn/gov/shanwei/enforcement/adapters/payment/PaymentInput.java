package cn.gov.shanwei.enforcement.adapters.payment;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

import java.util.regex.Pattern;

/** Checks of our own input to the payment client; every failure names the field and nothing is sent. */
final class PaymentInput {

    static final Pattern NOTICE_NUMBER = Pattern.compile("\\d{20}");
    static final Pattern PAY_CODE = Pattern.compile("\\d{20}");
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    static final Pattern REGION = Pattern.compile("\\d{6}");
    /** One notice may not exceed 100 million yuan: far above any fine, far below overflow. */
    static final long MAX_FEN = 10_000_000_000L;

    private PaymentInput() {
    }

    static String text(String operation, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(operation, field, "is required");
        }
        if (value.strip().length() > maxLength) {
            throw invalid(operation, field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    static String matching(String operation, String field, String value, Pattern pattern, String shape) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(operation, field, "must be " + shape);
        }
        return value;
    }

    static long fen(String operation, String field, long fen) {
        if (fen <= 0 || fen > MAX_FEN) {
            throw invalid(operation, field, "must be between 1 fen and " + MAX_FEN + " fen (was " + fen + ")");
        }
        return fen;
    }

    static AdapterValidationException invalid(String operation, String field, String reason) {
        return new AdapterValidationException(NonTaxPaymentClient.PROVIDER, operation, field, reason);
    }
}
