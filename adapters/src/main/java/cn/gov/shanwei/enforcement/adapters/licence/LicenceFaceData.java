package cn.gov.shanwei.enforcement.adapters.licence;

import java.util.List;
import java.util.Objects;

/**
 * A licence's face data (照面信息) fetched with a 用证码: the common fields and the licence-specific items.
 *
 * @param licence the state and common face fields (never NOT_FOUND)
 * @param items   further face items in the provider's order
 */
public record LicenceFaceData(VerifyLicenceResult licence, List<FaceItem> items) {

    public LicenceFaceData {
        Objects.requireNonNull(licence, "licence");
        items = List.copyOf(items);
    }
}
