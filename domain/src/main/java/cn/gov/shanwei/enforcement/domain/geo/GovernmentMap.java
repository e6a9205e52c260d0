package cn.gov.shanwei.enforcement.domain.geo;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;

import java.util.List;
import java.util.Optional;

/**
 * Port to 粤政图, the provincial government map. Every answer is read-only and may be served from the hub's cache;
 * while the map cannot answer, a kept answer comes back {@linkplain ProviderAnswer#stale() marked stale}.
 * "Nothing there" is an empty result, not an exception.
 *
 * <p>Every method throws {@link ProviderUnavailableException} when the map cannot answer and nothing is kept, and
 * {@link ProviderFailedException} when it answered unusably.
 */
public interface GovernmentMap {

    /**
     * Geocodes an address (地理编码): the places it may mean, best first.
     *
     * @param address    1–200 characters
     * @param regionCode 6- or 12-digit code to search within, or null for the province
     */
    ProviderAnswer<List<GeocodeMatch>> geocode(String address, String regionCode, CallContext context);

    /** Reverse-geocodes a point (逆地理编码); empty outside the map's coverage. */
    ProviderAnswer<Optional<PlaceAtPoint>> reverseGeocode(GeoPosition position, CallContext context);

    /** The administrative division containing a point; empty when none does. */
    ProviderAnswer<Optional<AdminArea>> divisionContaining(GeoPosition position, CallContext context);

    /** A WFS feature query. */
    ProviderAnswer<FeatureSet> features(FeatureSearch search, CallContext context);

    /** One tile image. */
    ProviderAnswer<MapTile> tile(MapTileRef tile, CallContext context);
}
