package cn.gov.shanwei.enforcement.adapters.seal;

import java.time.Instant;
import java.util.Objects;

/**
 * A seal (电子印章) as the provincial seal service describes it.
 *
 * @param sealId     印章编码 (the seal's esID)
 * @param sealName   印章名称, e.g. 汕尾市市场监督管理局行政处罚专用章
 * @param unitName   the unit that holds it
 * @param validStart first instant of validity
 * @param validEnd   last instant of validity
 * @param seal       the GB/T 38540 v4 {@code SESeal}, DER; {@link #seal()} returns a copy
 */
public record SealInfo(String sealId, String sealName, String unitName, Instant validStart, Instant validEnd,
                       byte[] seal) {

    public SealInfo {
        Objects.requireNonNull(sealId, "sealId");
        Objects.requireNonNull(sealName, "sealName");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(validStart, "validStart");
        Objects.requireNonNull(validEnd, "validEnd");
        seal = seal.clone();
    }

    @Override
    public byte[] seal() {
        return seal.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealInfo other && sealId.equals(other.sealId) && java.util.Arrays.equals(seal, other.seal);
    }

    @Override
    public int hashCode() {
        return sealId.hashCode();
    }

    @Override
    public String toString() {
        return "SealInfo[" + sealId + ", " + sealName + ", " + unitName + ", " + validStart + " to " + validEnd + "]";
    }
}
