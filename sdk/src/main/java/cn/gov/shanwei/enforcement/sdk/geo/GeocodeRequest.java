package cn.gov.shanwei.enforcement.sdk.geo;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An address to geocode (地理编码).
 *
 * @param address    the address, 1–200 characters
 * @param regionCode 6- or 12-digit administrative code to search within; {@code null} for the whole province
 * @param purpose    why (optional for map reads: {@link Purpose#none()})
 */
public record GeocodeRequest(String address, String regionCode, Purpose purpose) {

    /** @throws ValidationException (status 0) naming each bad field */
    public GeocodeRequest {
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "address", address, 200);
        if (regionCode != null && !regionCode.matches("\\d{6}|\\d{12}")) {
            errors.add(new FieldError("regionCode", "must be 6 or 12 digits"));
        }
        Checks.throwIfAny(errors);
        purpose = Objects.requireNonNullElse(purpose, Purpose.none());
    }

    /** An address anywhere in the province, without a stated purpose. */
    public static GeocodeRequest of(String address) {
        return new GeocodeRequest(address, null, Purpose.none());
    }

    /** A copy searching within {@code regionCode} only. */
    public GeocodeRequest within(String regionCode) {
        return new GeocodeRequest(address, regionCode, purpose);
    }

    /** A copy with a stated purpose. */
    public GeocodeRequest withPurpose(Purpose purpose) {
        return new GeocodeRequest(address, regionCode, purpose);
    }
}
