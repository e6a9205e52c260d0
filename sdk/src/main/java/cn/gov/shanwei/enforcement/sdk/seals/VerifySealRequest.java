package cn.gov.shanwei.enforcement.sdk.seals;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sealed OFD document to verify.
 *
 * @param ofd          the document, 1 byte to 8 MiB (copied)
 * @param expectedUnit the unit whose seal it must carry (checked as {@code SEAL_ENTITY}); optional
 */
public record VerifySealRequest(byte[] ofd, String expectedUnit) {

    /** The largest document the hub verifies. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    /** Validates the request. */
    public VerifySealRequest {
        if (ofd == null || ofd.length == 0 || ofd.length > MAX_BYTES) {
            throw ValidationException.clientSide(List.of(new FieldError("ofd", "must be 1 byte to 8 MiB")));
        }
        if (expectedUnit != null && expectedUnit.length() > 200) {
            throw ValidationException.clientSide(List.of(new FieldError("expectedUnit",
                    "is longer than 200 characters")));
        }
        ofd = ofd.clone();
    }

    /** A request for any unit's seal. */
    public static VerifySealRequest of(byte[] ofd) {
        return new VerifySealRequest(ofd, null);
    }

    /** A request that the seal be {@code expectedUnit}'s. */
    public static VerifySealRequest of(byte[] ofd, String expectedUnit) {
        return new VerifySealRequest(ofd, expectedUnit);
    }

    @Override
    public byte[] ofd() {
        return ofd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifySealRequest r && Arrays.equals(ofd, r.ofd) && Objects.equals(expectedUnit,
                r.expectedUnit);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ofd) + Objects.hashCode(expectedUnit);
    }

    @Override
    public String toString() {
        return "VerifySealRequest[" + ofd.length + " bytes, expectedUnit=" + expectedUnit + "]";
    }
}
