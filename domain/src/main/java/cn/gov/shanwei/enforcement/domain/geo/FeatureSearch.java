package cn.gov.shanwei.enforcement.domain.geo;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A WFS feature query (要素查询) on one layer: within a box, by attribute equality, or both. Attribute filters are
 * typed, never free CQL, so a caller's value cannot change the query's shape; a whole layer is never fetched.
 *
 * @param layer       layer name, 1–64 of {@code a-z 0-9 _ -}
 * @param bbox        the area, or null
 * @param equalTo     attribute → value (at most 8); empty for none
 * @param maxFeatures 1 to {@link #MAX_FEATURES}
 */
public record FeatureSearch(String layer, GeoBounds bbox, Map<String, String> equalTo, int maxFeatures) {

    public static final int MAX_FEATURES = 1000;
    /** Layer names: also the tile layers' syntax. */
    public static final Pattern LAYER = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** @throws DomainValidationException naming the field */
    public FeatureSearch {
        if (layer == null || !LAYER.matcher(layer).matches()) {
            throw new DomainValidationException("layer", "must be 1-64 of a-z, 0-9, '_' or '-'");
        }
        equalTo = equalTo == null ? Map.of() : Map.copyOf(equalTo);
        if (bbox == null && equalTo.isEmpty()) {
            throw new DomainValidationException("bbox", "or an attribute filter is required: a whole layer is never"
                    + " fetched");
        }
        if (equalTo.size() > 8) {
            throw new DomainValidationException("equalTo", "may hold at most 8 attributes");
        }
        equalTo.forEach((name, value) -> {
            if (!ATTRIBUTE.matcher(name).matches()) {
                throw new DomainValidationException("equalTo", "attribute '" + name + "' is not a plain identifier");
            }
            if (value.length() > 200) {
                throw new DomainValidationException("equalTo", "value of '" + name + "' is over 200 characters");
            }
        });
        if (maxFeatures < 1 || maxFeatures > MAX_FEATURES) {
            throw new DomainValidationException("maxFeatures", "must be between 1 and " + MAX_FEATURES);
        }
    }
}
