package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.rest.Cached;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.rest.StaleTolerantCache;
import cn.gov.shanwei.enforcement.adapters.common.rest.CachingClientBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Client of 粤政图, the provincial government map (REST behind the TIF gateway; assumed contract
 * {@code contracts/map/yzt-map-v1.yaml}).
 *
 * <p>Every read is cached ({@link StaleTolerantCache}: bounded, fresh for {@code cacheFreshFor}); while the provider
 * cannot be reached, an older answer is served {@linkplain Cached#stale() marked stale}. Coordinates are CGCS2000
 * ({@link GeoPoint}); "no result" is an empty {@link Optional} or list, not an exception.
 *
 * <pre>{@code
 * MapClient map = MapClient.builder()
 *         .endpoint(URI.create("http://127.0.0.1:8090/map"))
 *         .signer(TifRequestSigner.of(new TifCredentials("shanwei-hub", token)))
 *         .build();
 * Cached<List<GeocodeCandidate>> found = map.geocode("汕尾市城区香洲街道二马路8号", "441502");
 * }</pre>
 *
 * <p>Thread-safe; one instance per endpoint. It never retries (that is the routes' decision).
 */
public final class MapClient implements AutoCloseable {

    /** Provider code carried by this client's exceptions. */
    public static final String PROVIDER = "map";
    /** Operation names, as carried by exceptions. */
    public static final String GEOCODE = "geocode";
    public static final String REVERSE_GEOCODE = "reverseGeocode";
    public static final String DIVISION_OF = "divisionOf";
    public static final String FEATURES = "features";
    public static final String TILE = "tile";

    /** Provider code for "nothing there" (HTTP 404): answered as an empty result. */
    public static final String NO_RESULT = "NO_RESULT";

    private static final Pattern ADMIN_CODE = Pattern.compile("\\d{12}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{12}");
    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon", "GeometryCollection");
    private static final int MAX_CANDIDATES = 50;

    private final RestTransport transport;
    private final StaleTolerantCache<Object, Object> cache;

    private MapClient(RestTransport transport, StaleTolerantCache<Object, Object> cache) {
        this.transport = transport;
        this.cache = cache;
    }

    /** Starts a builder; {@code endpoint} and {@code signer} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Geocodes an address (地理编码): the places it may mean, best first.
     *
     * @param address    the address, 1–200 characters
     * @param regionCode 6- or 12-digit administrative code to search within, or {@code null} for the whole province
     * @return the candidates (possibly none), with their age
     */
    @SuppressWarnings("unchecked")
    public Cached<List<GeocodeCandidate>> geocode(String address, String regionCode) {
        if (address == null || address.isBlank() || address.strip().length() > 200) {
            throw new AdapterValidationException(PROVIDER, GEOCODE, "address", "must be 1-200 characters");
        }
        if (regionCode != null && !REGION_CODE.matcher(regionCode).matches()) {
            throw new AdapterValidationException(PROVIDER, GEOCODE, "regionCode", "must be 6 or 12 digits");
        }
        String query = RestTransport.query(Map.of("address", address.strip())) + (regionCode == null ? ""
                : "&regionCode=" + regionCode);
        return (Cached<List<GeocodeCandidate>>) (Cached<?>) cache.get(new Key(GEOCODE, query),
                () -> candidates(transport.getJson(GEOCODE, "/geocode" + query)));
    }

    /**
     * Reverse-geocodes a point (逆地理编码): the smallest division there and the nearest standard address.
     *
     * @return empty when the point lies outside the map's coverage
     */
    @SuppressWarnings("unchecked")
    public Cached<Optional<ReverseGeocodeResult>> reverseGeocode(GeoPoint point) {
        String query = pointQuery(REVERSE_GEOCODE, point);
        return (Cached<Optional<ReverseGeocodeResult>>) (Cached<?>) cache.get(new Key(REVERSE_GEOCODE, query),
                () -> RestTransport.emptyWhenRefusedWith(NO_RESULT, () -> reverse(transport.getJson(REVERSE_GEOCODE, "/reverse-geocode" + query))));
    }

    /**
     * The county-level (or finer) administrative division containing a point.
     *
     * @return empty when no division of the map contains it
     */
    @SuppressWarnings("unchecked")
    public Cached<Optional<AdminDivision>> divisionOf(GeoPoint point) {
        String query = pointQuery(DIVISION_OF, point);
        return (Cached<Optional<AdminDivision>>) (Cached<?>) cache.get(new Key(DIVISION_OF, query),
                () -> RestTransport.emptyWhenRefusedWith(NO_RESULT, () -> division(transport.getJson(DIVISION_OF, "/divisions/containing" + query))));
    }

    /** A WFS feature query (要素查询) as checked GeoJSON. */
    @SuppressWarnings("unchecked")
    public Cached<FeatureCollection> features(FeatureQuery query) {
        if (query == null) {
            throw new AdapterValidationException(PROVIDER, FEATURES, "query", "is required");
        }
        Map<String, Object> params = RestTransport.params();
        params.put("layer", query.layer());
        params.put("bbox", query.bbox() == null ? null : query.bbox().toParameter());
        params.put("filter", query.cql());
        params.put("maxFeatures", query.maxFeatures());
        String path = "/wfs" + RestTransport.query(params);
        return (Cached<FeatureCollection>) (Cached<?>) cache.get(new Key(FEATURES, path),
                () -> featureCollection(query, transport.getJson(FEATURES, path)));
    }

    /**
     * The provider's URL of a tile: for the hub's {@link TileProxy} only — browsers are given the hub's own tile
     * URL, never this one (the provider needs gateway signatures a browser must not hold).
     */
    public URI tileUrl(String layer, TileAddress tile) {
        return URI.create(transport.endpoint() + tilePath(layer, tile));
    }

    /**
     * Fetches one tile image (PNG or JPEG), uncached: {@link TileProxy} caches tiles by their bytes.
     *
     * @throws ProviderResponseInvalidException if the answer is not an image or is too large
     */
    public RestTransport.Binary fetchTile(String layer, TileAddress tile) {
        RestTransport.Binary image = transport.getBinary(TILE, tilePath(layer, tile));
        String type = image.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/png") && !type.startsWith("image/jpeg")) {
            throw new ProviderResponseInvalidException(PROVIDER, TILE,
                    "a tile must be image/png or image/jpeg, got '" + image.contentType() + "'", null);
        }
        return image;
    }

    /** Number of answers in the cache (approximate). */
    public long cachedAnswers() {
        return cache.size();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "MapClient[" + transport + "]";
    }

    private static String tilePath(String layer, TileAddress tile) {
        if (layer == null || !FeatureQuery.LAYER.matcher(layer).matches()) {
            throw new AdapterValidationException(PROVIDER, TILE, "layer", "must be 1-64 of a-z, 0-9, '_' or '-'");
        }
        if (tile == null) {
            throw new AdapterValidationException(PROVIDER, TILE, "tile", "is required");
        }
        return "/wmts/" + layer + "/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".png";
    }

    private static String pointQuery(String operation, GeoPoint point) {
        if (point == null) {
            throw new AdapterValidationException(PROVIDER, operation, "point", "is required");
        }
        return String.format(Locale.ROOT, "?lon=%s&lat=%s", point.lon(), point.lat());
    }


    private static List<GeocodeCandidate> candidates(JsonNode answer) {
        JsonFields json = new JsonFields(PROVIDER, GEOCODE);
        List<GeocodeCandidate> candidates = new ArrayList<>();
        int previousScore = Integer.MAX_VALUE;
        for (JsonNode c : json.array(answer, "candidates", MAX_CANDIDATES)) {
            int score = (int) json.integer(c, "score", 0, 100);
            if (score > previousScore) {
                throw json.invalid("candidates are not ranked best first");
            }
            previousScore = score;
            candidates.add(new GeocodeCandidate(json.text(c, "address", 200), point(json, c),
                    json.enumValue(c, "level", MatchLevel.class), score, json.matching(c, "adminCode", ADMIN_CODE)));
        }
        return List.copyOf(candidates);
    }

    private static ReverseGeocodeResult reverse(JsonNode answer) {
        JsonFields json = new JsonFields(PROVIDER, REVERSE_GEOCODE);
        return new ReverseGeocodeResult(json.matching(answer, "adminCode", ADMIN_CODE),
                json.text(answer, "adminName", 100), json.text(answer, "address", 200));
    }

    private static AdminDivision division(JsonNode answer) {
        JsonFields json = new JsonFields(PROVIDER, DIVISION_OF);
        JsonNode d = json.object(answer, "division");
        MatchLevel level = json.enumValue(d, "level", MatchLevel.class);
        if (level.compareTo(MatchLevel.TOWN) > 0) {
            throw json.invalid("division level " + level + " is not an administrative level");
        }
        return new AdminDivision(json.matching(d, "code", ADMIN_CODE), json.text(d, "name", 100), level,
                json.matching(d, "parentCode", ADMIN_CODE));
    }

    private static GeoPoint point(JsonFields json, JsonNode node) {
        return GeoPoint.of(json.number(node, "lon", -180, 180), json.number(node, "lat", -90, 90));
    }

    private FeatureCollection featureCollection(FeatureQuery query, JsonNode answer) {
        JsonFields json = new JsonFields(PROVIDER, FEATURES);
        if (!"FeatureCollection".equals(JsonFields.optionalText(answer, "type"))) {
            throw json.invalid("type must be FeatureCollection");
        }
        JsonNode features = json.array(answer, "features", query.maxFeatures());
        for (JsonNode feature : features) {
            if (!"Feature".equals(JsonFields.optionalText(feature, "type"))) {
                throw json.invalid("every feature must have type Feature");
            }
            JsonNode geometry = feature.get("geometry");
            if (geometry == null || !(geometry.isNull()
                    || geometry.isObject() && GEOMETRY_TYPES.contains(JsonFields.optionalText(geometry, "type")))) {
                throw json.invalid("feature geometry must be null or a GeoJSON geometry");
            }
            JsonNode properties = feature.get("properties");
            if (properties == null || !(properties.isNull() || properties.isObject())) {
                throw json.invalid("feature properties must be null or an object");
            }
        }
        try {
            return new FeatureCollection(query.layer(), transport.mapper().writeValueAsString(answer),
                    features.size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed JSON tree", e);
        }
    }

    /** Cache key: the operation and its exact query. */
    private record Key(String operation, String query) {
    }

    /** Builds a {@link MapClient}; not thread-safe, use once. */
    public static final class Builder extends CachingClientBuilder<Builder> {

        /** Default response size limit: feature collections and tiles. */
        public static final int DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

        private Builder() {
            super(DEFAULT_MAX_RESPONSE_BYTES, Duration.ofMinutes(30), Duration.ofHours(24));
        }

        /** @throws IllegalArgumentException if a setting is missing or out of range, naming it */
        public MapClient build() {
            return new MapClient(transport(PROVIDER), cache());
        }
    }
}
