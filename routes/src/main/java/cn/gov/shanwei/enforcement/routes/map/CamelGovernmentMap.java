package cn.gov.shanwei.enforcement.routes.map;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.geo.AdminArea;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSearch;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSet;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;
import cn.gov.shanwei.enforcement.domain.geo.GeocodeMatch;
import cn.gov.shanwei.enforcement.domain.geo.GovernmentMap;
import cn.gov.shanwei.enforcement.domain.geo.MapTile;
import cn.gov.shanwei.enforcement.domain.geo.MapTileRef;
import cn.gov.shanwei.enforcement.domain.geo.PlaceAtPoint;
import cn.gov.shanwei.enforcement.routes.map.MapGateway.GeocodeQuery;
import cn.gov.shanwei.enforcement.routes.support.CachedProviderRead;
import cn.gov.shanwei.enforcement.routes.support.ProviderCall;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain's {@link GovernmentMap} port: each operation a cached read ({@link CachedProviderRead}) in front of
 * its route. Inputs are checked here, so nothing invalid reaches a route.
 */
public final class CamelGovernmentMap implements GovernmentMap {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{12}");

    private final CachedProviderRead<GeocodeQuery, List<GeocodeMatch>> geocode;
    private final CachedProviderRead<GeoPosition, Optional<PlaceAtPoint>> reverse;
    private final CachedProviderRead<GeoPosition, Optional<AdminArea>> division;
    private final CachedProviderRead<FeatureSearch, FeatureSet> features;
    private final CachedProviderRead<MapTileRef, MapTile> tiles;

    public CamelGovernmentMap(CachedProviderRead<GeocodeQuery, List<GeocodeMatch>> geocode,
                              CachedProviderRead<GeoPosition, Optional<PlaceAtPoint>> reverse,
                              CachedProviderRead<GeoPosition, Optional<AdminArea>> division,
                              CachedProviderRead<FeatureSearch, FeatureSet> features,
                              CachedProviderRead<MapTileRef, MapTile> tiles) {
        this.geocode = Objects.requireNonNull(geocode, "geocode");
        this.reverse = Objects.requireNonNull(reverse, "reverse");
        this.division = Objects.requireNonNull(division, "division");
        this.features = Objects.requireNonNull(features, "features");
        this.tiles = Objects.requireNonNull(tiles, "tiles");
    }

    @Override
    public ProviderAnswer<List<GeocodeMatch>> geocode(String address, String regionCode, CallContext context) {
        if (address == null || address.isBlank() || address.strip().length() > 200) {
            throw new DomainValidationException("address", "must be 1-200 characters");
        }
        if (regionCode != null && !REGION_CODE.matcher(regionCode).matches()) {
            throw new DomainValidationException("regionCode", "must be 6 or 12 digits");
        }
        GeocodeQuery query = new GeocodeQuery(address.strip(), regionCode);
        return geocode.read(query, new ProviderCall<>(query, context), context);
    }

    @Override
    public ProviderAnswer<Optional<PlaceAtPoint>> reverseGeocode(GeoPosition position, CallContext context) {
        Objects.requireNonNull(position, "position");
        return reverse.read(position, new ProviderCall<>(position, context), context);
    }

    @Override
    public ProviderAnswer<Optional<AdminArea>> divisionContaining(GeoPosition position, CallContext context) {
        Objects.requireNonNull(position, "position");
        return division.read(position, new ProviderCall<>(position, context), context);
    }

    @Override
    public ProviderAnswer<FeatureSet> features(FeatureSearch search, CallContext context) {
        Objects.requireNonNull(search, "search");
        return features.read(search, new ProviderCall<>(search, context), context);
    }

    @Override
    public ProviderAnswer<MapTile> tile(MapTileRef tile, CallContext context) {
        Objects.requireNonNull(tile, "tile");
        return tiles.read(tile, new ProviderCall<>(tile, context), context);
    }
}
