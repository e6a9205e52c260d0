package cn.gov.shanwei.enforcement.domain.common;

import java.util.Locale;

/** Formats fen for officers: {@code 5000000} → "50,000 yuan", {@code 1050} → "10.50 yuan". */
public final class Money {

    private Money() {
    }

    /** The amount in yuan as an officer reads it. */
    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        String whole = String.format(Locale.ROOT, "%,d", abs / 100);
        long cents = abs % 100;
        return sign + whole + (cents == 0 ? "" : String.format(Locale.ROOT, ".%02d", cents)) + " yuan";
    }

    /** Yuan to fen. */
    public static long fen(long yuan) {
        return Math.multiplyExact(yuan, 100L);
    }
}
