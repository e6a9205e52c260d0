package cn.gov.shanwei.enforcement.adapters.payment;

import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Streams a daily reconciliation file (对账文件) line by line in constant memory (assumed format, see
 * {@code contracts/payment/nontax-payment-v1.yaml}):
 * <pre>
 * #NONTAX-RECON|1|2026-11-27|&lt;payment lines&gt;|&lt;total fen&gt;
 * noticeNumber|payCode|amountFen|paidAt (ISO instant)|channel|transactionId
 * </pre>
 * A bad header refuses the whole file; a bad payment line is reported with its line number and the rest is still
 * read. The declared line count and total are checked at the end (a truncated download shows as incomplete).
 */
public final class ReconciliationParser {

    /** What the header must start with. */
    public static final String MAGIC = "#NONTAX-RECON";
    private static final int FIELDS = 6;
    private static final int MAX_LINE = 512;

    private ReconciliationParser() {
    }

    /** Receives the payment lines and corrupt lines of a file, in file order. */
    public interface Sink {

        /** A well-formed payment line. */
        void line(ReconciliationLine line);

        /** A line that could not be read. */
        void corrupt(CorruptLine line);
    }

    /**
     * What the header declared and what was read.
     *
     * @param date          the business day of the file
     * @param declaredLines payment lines the header announced
     * @param declaredFen   total the header announced
     * @param paymentLines  payment lines read (well-formed)
     * @param corruptLines  lines that could not be read
     * @param paidFen       total of the well-formed lines
     * @param bytes         bytes read
     */
    public record Summary(LocalDate date, long declaredLines, long declaredFen, long paymentLines, long corruptLines,
                          long paidFen, long bytes) {

        /** Whether every announced line arrived (well-formed or not): false for a truncated or padded file. */
        public boolean complete() {
            return declaredLines == paymentLines + corruptLines;
        }
    }

    /**
     * Reads {@code in} to its end (the caller closes it).
     *
     * @param expectedDate the day asked for; a file for another day is refused
     * @throws ProviderResponseInvalidException  header missing, malformed or for another day
     * @throws ProviderTransportException        the stream broke off
     */
    public static Summary parse(InputStream in, LocalDate expectedDate, Sink sink, ReconciliationProgress progress) {
        CountingStream counted = new CountingStream(in);
        BufferedReader reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
        try {
            String header = reader.readLine();
            String[] h = header == null ? new String[0] : header.split("\\|", -1);
            if (h.length != 5 || !MAGIC.equals(h[0]) || !"1".equals(h[1])) {
                throw invalid("reconciliation file has no '" + MAGIC + "|1|date|lines|fen' header");
            }
            LocalDate date;
            long declaredLines;
            long declaredFen;
            try {
                date = LocalDate.parse(h[2]);
                declaredLines = Long.parseLong(h[3]);
                declaredFen = Long.parseLong(h[4]);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw invalid("reconciliation header is malformed: " + e.getMessage());
            }
            if (!date.equals(expectedDate)) {
                throw invalid("reconciliation file is for " + date + ", not " + expectedDate);
            }
            long lineNumber = 1;
            long payments = 0;
            long corrupt = 0;
            long paidFen = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                if (text.isEmpty()) {
                    continue;
                }
                String problem = null;
                ReconciliationLine line = null;
                try {
                    line = line(lineNumber, text);
                } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                    problem = e.getMessage();
                }
                if (line != null) {
                    payments++;
                    paidFen = Math.addExact(paidFen, line.amountFen());
                    sink.line(line);
                } else {
                    corrupt++;
                    sink.corrupt(new CorruptLine(lineNumber, problem));
                }
                if (lineNumber % ReconciliationProgress.EVERY_LINES == 0) {
                    progress.progressed(lineNumber, counted.count);
                }
            }
            progress.progressed(lineNumber, counted.count);
            return new Summary(date, declaredLines, declaredFen, payments, corrupt, paidFen, counted.count);
        } catch (IOException e) {
            throw new ProviderTransportException(NonTaxPaymentClient.PROVIDER, NonTaxPaymentClient.RECONCILIATION,
                    "reconciliation download broke off after " + counted.count + " bytes", 0, e);
        }
    }

    private static ReconciliationLine line(long lineNumber, String text) {
        if (text.length() > MAX_LINE) {
            throw new IllegalArgumentException("line longer than " + MAX_LINE + " characters");
        }
        String[] f = new String[FIELDS];
        int start = 0;
        for (int i = 0; i < FIELDS; i++) {
            int bar = text.indexOf('|', start);
            if (i < FIELDS - 1 && bar < 0) {
                throw new IllegalArgumentException("expected " + FIELDS + " fields separated by '|', found " + (i + 1));
            }
            if (i == FIELDS - 1) {
                if (bar >= 0) {
                    throw new IllegalArgumentException("more than " + FIELDS + " fields");
                }
                bar = text.length();
            }
            f[i] = text.substring(start, bar);
            start = bar + 1;
        }
        if (!digits(f[0], 20)) {
            throw new IllegalArgumentException("noticeNumber must be 20 digits");
        }
        if (!digits(f[1], 20)) {
            throw new IllegalArgumentException("payCode must be 20 digits");
        }
        if (f[2].isEmpty() || f[2].length() > 11 || !digits(f[2], f[2].length())) {
            throw new IllegalArgumentException("amountFen must be a whole number of fen (no decimals, no sign)");
        }
        long fen = Long.parseLong(f[2]);
        if (fen <= 0) {
            throw new IllegalArgumentException("amountFen must be positive");
        }
        Instant paidAt = Instant.parse(f[3]);
        if (f[4].isEmpty() || f[4].length() > 16 || f[5].isEmpty() || f[5].length() > 64) {
            throw new IllegalArgumentException("channel (1-16) and transactionId (1-64) are required");
        }
        return new ReconciliationLine(lineNumber, f[0], f[1], fen, paidAt, f[4], f[5]);
    }

    private static boolean digits(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static ProviderResponseInvalidException invalid(String reason) {
        return new ProviderResponseInvalidException(NonTaxPaymentClient.PROVIDER,
                NonTaxPaymentClient.RECONCILIATION, reason, null);
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {

        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
