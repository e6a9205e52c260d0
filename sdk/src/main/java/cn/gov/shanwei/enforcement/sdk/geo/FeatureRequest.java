package cn.gov.shanwei.enforcement.sdk.geo;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WFS feature query (要素查询) on one layer: within a box, by attribute equality, or both. A whole layer is never
 * fetched.
 *
 * @param layer       layer name, for example {@code division} or {@code poi}
 * @param bbox        the area, or {@code null}
 * @param equalTo     attribute → value (at most 8), empty for none
 * @param maxFeatures 1 to 1000
 * @param purpose     why (optional)
 */
public record FeatureRequest(String layer, BoundingBox bbox, Map<String, String> equalTo, int maxFeatures,
                             Purpose purpose) {

    /** Default {@link #maxFeatures}. */
    public static final int DEFAULT_MAX_FEATURES = 100;

    /** @throws ValidationException (status 0) naming each bad field */
    public FeatureRequest {
        equalTo = equalTo == null ? Map.of() : Map.copyOf(equalTo);
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "layer", layer, 64);
        if (bbox == null && equalTo.isEmpty()) {
            errors.add(new FieldError("bbox", "or an attribute filter is required"));
        }
        if (equalTo.size() > 8) {
            errors.add(new FieldError("equalTo", "may hold at most 8 attributes"));
        }
        if (maxFeatures < 1 || maxFeatures > 1000) {
            errors.add(new FieldError("maxFeatures", "must be between 1 and 1000"));
        }
        Checks.throwIfAny(errors);
        purpose = Objects.requireNonNullElse(purpose, Purpose.none());
    }

    /** Features of {@code layer} intersecting {@code bbox}, at most {@value #DEFAULT_MAX_FEATURES}. */
    public static FeatureRequest inBox(String layer, BoundingBox bbox) {
        return new FeatureRequest(layer, Objects.requireNonNull(bbox, "bbox"), Map.of(), DEFAULT_MAX_FEATURES,
                Purpose.none());
    }

    /** Features of {@code layer} whose {@code attribute} equals {@code value}. */
    public static FeatureRequest where(String layer, String attribute, String value) {
        return new FeatureRequest(layer, null, Map.of(attribute, value), DEFAULT_MAX_FEATURES, Purpose.none());
    }

    /** A copy returning at most {@code maxFeatures}. */
    public FeatureRequest limit(int maxFeatures) {
        return new FeatureRequest(layer, bbox, equalTo, maxFeatures, purpose);
    }
}
