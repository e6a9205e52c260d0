package cn.gov.shanwei.enforcement.cases.shared;

/** Stored case data fails its integrity check (an SM4-GCM tag or the SM3 chain): it was altered outside the hub. */
public class TamperedDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, without any personal data */
    public TamperedDataException(String message) {
        super(message);
    }
}
