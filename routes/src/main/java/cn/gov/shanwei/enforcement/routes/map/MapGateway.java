package cn.gov.shanwei.enforcement.routes.map;

import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.map.AdminDivision;
import cn.gov.shanwei.enforcement.adapters.map.BoundingBox;
import cn.gov.shanwei.enforcement.adapters.map.FeatureCollection;
import cn.gov.shanwei.enforcement.adapters.map.FeatureQuery;
import cn.gov.shanwei.enforcement.adapters.map.GeoPoint;
import cn.gov.shanwei.enforcement.adapters.map.GeocodeCandidate;
import cn.gov.shanwei.enforcement.adapters.map.MapClient;
import cn.gov.shanwei.enforcement.adapters.map.ReverseGeocodeResult;
import cn.gov.shanwei.enforcement.adapters.map.TileAddress;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.geo.AdminArea;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSearch;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSet;
import cn.gov.shanwei.enforcement.domain.geo.GeoBounds;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;
import cn.gov.shanwei.enforcement.domain.geo.GeocodeMatch;
import cn.gov.shanwei.enforcement.domain.geo.MapTile;
import cn.gov.shanwei.enforcement.domain.geo.MapTileRef;
import cn.gov.shanwei.enforcement.domain.geo.PlaceAtPoint;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.support.AttemptTrace;
import cn.gov.shanwei.enforcement.routes.support.LoggingGateway;
import cn.gov.shanwei.enforcement.routes.support.ProviderCall;

import org.apache.camel.ExchangeProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bean the map routes call for one attempt: speaks to {@link MapClient} and maps its words to the domain's.
 * The client's own cache is kept minimal by {@code MapRouteConfiguration}: the hub caches in front of the route
 * (ADR 0305), so an answer here is always the provider's.
 */
public final class MapGateway extends LoggingGateway {

    private final MapClient client;

    public MapGateway(MapClient client, Clock clock, MessageLog messageLog) {
        super(Provider.MAP, clock, messageLog);
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The input of a geocode. */
    public record GeocodeQuery(String address, String regionCode) {
    }

    public List<GeocodeMatch> geocode(ProviderCall<GeocodeQuery> call,
                                      @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        GeocodeQuery q = call.query();
        return attempt(MapClient.GEOCODE, call.context(), trace, q,
                () -> client.geocode(q.address(), q.regionCode()).value().stream().map(MapGateway::match).toList(),
                answer -> answer);
    }

    public Optional<PlaceAtPoint> reverseGeocode(ProviderCall<GeoPosition> call,
                                                 @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        return attempt(MapClient.REVERSE_GEOCODE, call.context(), trace, call.query(),
                () -> client.reverseGeocode(point(call.query())).value().map(MapGateway::place),
                answer -> answer.map(Object.class::cast).orElse(Map.of()));
    }

    public Optional<AdminArea> divisionContaining(ProviderCall<GeoPosition> call,
                                                  @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        return attempt(MapClient.DIVISION_OF, call.context(), trace, call.query(),
                () -> client.divisionOf(point(call.query())).value().map(MapGateway::area),
                answer -> answer.map(Object.class::cast).orElse(Map.of()));
    }

    public FeatureSet features(ProviderCall<FeatureSearch> call,
                               @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        FeatureSearch s = call.query();
        return attempt(MapClient.FEATURES, call.context(), trace, s, () -> {
            GeoBounds b = s.bbox();
            FeatureCollection found = client.features(new FeatureQuery(s.layer(),
                    b == null ? null : new BoundingBox(b.minLon(), b.minLat(), b.maxLon(), b.maxLat()), s.equalTo(),
                    s.maxFeatures())).value();
            return new FeatureSet(found.layer(), found.geoJson(), found.featureCount());
        }, answer -> Map.of("layer", answer.layer(), "featureCount", answer.featureCount()),
                answer -> answer.geoJson().getBytes(StandardCharsets.UTF_8).length);
    }

    public MapTile tile(ProviderCall<MapTileRef> call,
                        @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        MapTileRef t = call.query();
        return attempt(MapClient.TILE, call.context(), trace, t, () -> {
            RestTransport.Binary image = client.fetchTile(t.layer(), new TileAddress(t.z(), t.x(), t.y()));
            return new MapTile(image.bytes(), image.contentType());
        }, answer -> Map.of("contentType", answer.contentType(), "bytes", answer.bytes().length),
                answer -> answer.bytes().length);
    }

    private static GeoPoint point(GeoPosition position) {
        return GeoPoint.of(position.lon(), position.lat());
    }

    private static GeocodeMatch match(GeocodeCandidate c) {
        return new GeocodeMatch(c.address(), new GeoPosition(c.point().lon(), c.point().lat()), c.level().name(),
                c.score(), c.adminCode());
    }

    private static PlaceAtPoint place(ReverseGeocodeResult r) {
        return new PlaceAtPoint(r.adminCode(), r.adminName(), r.address());
    }

    private static AdminArea area(AdminDivision d) {
        return new AdminArea(d.code(), d.name(), d.level().name(), d.parentCode());
    }
}
