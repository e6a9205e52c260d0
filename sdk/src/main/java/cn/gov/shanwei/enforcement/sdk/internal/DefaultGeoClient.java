package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.geo.Division;
import cn.gov.shanwei.enforcement.sdk.geo.FeatureRequest;
import cn.gov.shanwei.enforcement.sdk.geo.FeatureResult;
import cn.gov.shanwei.enforcement.sdk.geo.GeoClient;
import cn.gov.shanwei.enforcement.sdk.geo.GeoPoint;
import cn.gov.shanwei.enforcement.sdk.geo.GeocodeRequest;
import cn.gov.shanwei.enforcement.sdk.geo.GeocodeResult;
import cn.gov.shanwei.enforcement.sdk.geo.Place;
import cn.gov.shanwei.enforcement.sdk.geo.PointAnswer;
import java.util.Objects;

/** {@link GeoClient} over the hub's REST API. Thread-safe. */
public final class DefaultGeoClient implements GeoClient {

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultGeoClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public GeocodeResult geocode(GeocodeRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return GeoWire.toGeocode(transport.execute(HubCall.get("geo.geocode", "Geocoding",
                GeoWire.geocodePath(request.address(), request.regionCode(), request.purpose()),
                Objects.requireNonNull(options, "options"))));
    }

    @Override
    public PointAnswer<Place> reverseGeocode(GeoPoint point, Purpose purpose, RequestOptions options) {
        return GeoWire.toPlace(transport.execute(HubCall.get("geo.reverseGeocode", "Reverse geocoding",
                GeoWire.pointPath(GeoWire.REVERSE_GEOCODE_PATH, Objects.requireNonNull(point, "point"),
                        Objects.requireNonNull(purpose, "purpose")), Objects.requireNonNull(options, "options"))));
    }

    @Override
    public PointAnswer<Division> divisionContaining(GeoPoint point, Purpose purpose, RequestOptions options) {
        return GeoWire.toDivision(transport.execute(HubCall.get("geo.divisionContaining", "Division lookup",
                GeoWire.pointPath(GeoWire.DIVISION_PATH, Objects.requireNonNull(point, "point"),
                        Objects.requireNonNull(purpose, "purpose")), Objects.requireNonNull(options, "options"))));
    }

    @Override
    public FeatureResult features(FeatureRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        byte[] body = Json.write(GeoWire.FeatureQuery.of(request));
        return GeoWire.toFeatures(transport.execute(HubCall.post("geo.features", "Feature query",
                GeoWire.FEATURES_PATH, body, Objects.requireNonNull(options, "options"))));
    }
}
