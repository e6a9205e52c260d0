package cn.gov.shanwei.enforcement.adapters.payment;

/**
 * A line of a reconciliation file that could not be read; the rest of the file is still processed.
 *
 * @param lineNumber 1-based line number
 * @param reason     what is wrong with it
 */
public record CorruptLine(long lineNumber, String reason) {
}
