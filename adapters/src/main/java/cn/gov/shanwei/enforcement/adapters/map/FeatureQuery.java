package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A WFS feature query on one layer: by bounding box, by attribute equality, or both (features must satisfy all).
 * Attribute filters are typed, not free CQL, so a caller's value can never change the query's shape.
 *
 * @param layer       layer name, 1–64 of {@code a-z 0-9 _ -}
 * @param bbox        area the features must intersect, or {@code null}
 * @param equalTo     attribute → required value (at most 8), empty for none
 * @param maxFeatures most features wanted, 1 to {@link #MAX_FEATURES}
 */
public record FeatureQuery(String layer, BoundingBox bbox, Map<String, String> equalTo, int maxFeatures) {

    /** Most features one query may ask for. */
    public static final int MAX_FEATURES = 1000;

    static final Pattern LAYER = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final String OPERATION = "features";

    /** @throws AdapterValidationException naming the bad field; nothing is sent */
    public FeatureQuery {
        if (layer == null || !LAYER.matcher(layer).matches()) {
            throw invalid("layer", "must be 1-64 of a-z, 0-9, '_' or '-'");
        }
        equalTo = equalTo == null ? Map.of() : Map.copyOf(equalTo);
        if (bbox == null && equalTo.isEmpty()) {
            throw invalid("bbox", "or an attribute filter is required: a whole layer is never fetched");
        }
        if (equalTo.size() > 8) {
            throw invalid("equalTo", "may hold at most 8 attributes");
        }
        for (Map.Entry<String, String> entry : equalTo.entrySet()) {
            if (!ATTRIBUTE.matcher(entry.getKey()).matches()) {
                throw invalid("equalTo", "attribute '" + entry.getKey() + "' is not a plain identifier");
            }
            if (entry.getValue() == null || entry.getValue().length() > 200) {
                throw invalid("equalTo", "value of '" + entry.getKey() + "' must be 0-200 characters");
            }
        }
        if (maxFeatures < 1 || maxFeatures > MAX_FEATURES) {
            throw invalid("maxFeatures", "must be between 1 and " + MAX_FEATURES);
        }
    }

    /** Features of {@code layer} intersecting {@code bbox}, at most 100. */
    public static FeatureQuery inBox(String layer, BoundingBox bbox) {
        return new FeatureQuery(layer, Objects.requireNonNull(bbox, "bbox"), Map.of(), 100);
    }

    /** Features of {@code layer} whose {@code attribute} equals {@code value}, at most 100. */
    public static FeatureQuery where(String layer, String attribute, String value) {
        return new FeatureQuery(layer, null, Map.of(attribute, value), 100);
    }

    /** The filter in the OGC CQL subset the service accepts: {@code a='x' AND b='y'}; {@code null} without one. */
    public String cql() {
        if (equalTo.isEmpty()) {
            return null;
        }
        StringJoiner cql = new StringJoiner(" AND ");
        new TreeMap<>(equalTo).forEach((name, value) -> cql.add(name + "='" + value.replace("'", "''") + "'"));
        return cql.toString();
    }

    private static AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(MapClient.PROVIDER, OPERATION, field, reason);
    }
}
