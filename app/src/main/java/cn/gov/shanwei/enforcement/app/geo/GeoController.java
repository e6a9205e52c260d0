package cn.gov.shanwei.enforcement.app.geo;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.geo.GeoBodies.DivisionResponse;
import cn.gov.shanwei.enforcement.app.geo.GeoBodies.FeatureQueryBody;
import cn.gov.shanwei.enforcement.app.geo.GeoBodies.FeaturesResponse;
import cn.gov.shanwei.enforcement.app.geo.GeoBodies.GeocodeResponse;
import cn.gov.shanwei.enforcement.app.geo.GeoBodies.PlaceResponse;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSearch;
import cn.gov.shanwei.enforcement.domain.geo.GeoBounds;
import cn.gov.shanwei.enforcement.domain.geo.GovernmentMap;
import cn.gov.shanwei.enforcement.domain.geo.MapTile;
import cn.gov.shanwei.enforcement.domain.geo.MapTileRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * 粤政图 (the government map) for registered municipal systems, through the hub: geocoding, points, features and
 * a caching tile proxy, so no browser or system calls the provider directly. Coordinates are CGCS2000 (EPSG:4490)
 * longitude/latitude; GCJ-02 and BD-09 are refused. Answers served while the map is unavailable say
 * {@code stale: true} (tiles: header {@value #STALE_HEADER}).
 */
@RestController
@RequestMapping(path = "/api/v1/geo", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "geo", description = "粤政图: the provincial government map through the hub (CGCS2000 lon/lat)")
public class GeoController {

    public static final String GEOCODE_SERVICE = "geo.geocode";
    public static final String REVERSE_GEOCODE_SERVICE = "geo.reverse-geocode";
    public static final String DIVISION_SERVICE = "geo.division";
    public static final String FEATURES_SERVICE = "geo.features";
    public static final String TILES_SERVICE = "geo.tiles";
    /** Set to {@code true} on a tile served from the hub's cache because the map is unavailable. */
    public static final String STALE_HEADER = "X-Hub-Stale";

    private static final Duration STALE_BROWSER_MAX_AGE = Duration.ofMinutes(1);

    private final GovernmentMap map;
    private final GeoProperties properties;

    public GeoController(GovernmentMap map, GeoProperties properties) {
        this.map = map;
        this.properties = properties;
    }

    @GetMapping("/geocode")
    @Operation(summary = "Geocode an address (地理编码): ranked candidates, best first",
            description = "regionCode (6 or 12 digits) narrows the search. 503 with Retry-After when the map is "
                    + "unavailable and no earlier answer is kept.")
    public GeocodeResponse geocode(@RequestParam String address, @RequestParam(required = false) String regionCode,
                                   @RequestParam(required = false) String matterCode,
                                   @RequestParam(required = false) String caseNumber,
                                   @RequestParam(required = false) String officerId, HttpServletRequest request) {
        CallContext context = context(request, GEOCODE_SERVICE, matterCode, caseNumber, officerId);
        return GeocodeResponse.of(map.geocode(address, regionCode, context));
    }

    @GetMapping("/reverse-geocode")
    @Operation(summary = "Reverse-geocode a CGCS2000 point (逆地理编码)",
            description = "found=false outside the map's coverage. crs defaults to EPSG:4490; GCJ-02/BD-09 → 400.")
    public PlaceResponse reverseGeocode(@RequestParam Double lon, @RequestParam Double lat,
                                        @RequestParam(required = false) String crs,
                                        @RequestParam(required = false) String matterCode,
                                        @RequestParam(required = false) String caseNumber,
                                        @RequestParam(required = false) String officerId,
                                        HttpServletRequest request) {
        CallContext context = context(request, REVERSE_GEOCODE_SERVICE, matterCode, caseNumber, officerId);
        return PlaceResponse.of(map.reverseGeocode(Coordinates.position(lon, lat, crs), context));
    }

    @GetMapping("/divisions/containing")
    @Operation(summary = "The administrative division (行政区划) containing a CGCS2000 point",
            description = "found=false when no division contains it. crs defaults to EPSG:4490; GCJ-02/BD-09 → 400.")
    public DivisionResponse divisionContaining(@RequestParam Double lon, @RequestParam Double lat,
                                               @RequestParam(required = false) String crs,
                                               @RequestParam(required = false) String matterCode,
                                               @RequestParam(required = false) String caseNumber,
                                               @RequestParam(required = false) String officerId,
                                               HttpServletRequest request) {
        CallContext context = context(request, DIVISION_SERVICE, matterCode, caseNumber, officerId);
        return DivisionResponse.of(map.divisionContaining(Coordinates.position(lon, lat, crs), context));
    }

    @PostMapping(path = "/features", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A WFS feature query (要素查询) by box and/or attribute equality, as GeoJSON text",
            description = "A box or a filter is required: a whole layer is never fetched. maxFeatures 1-1000 "
                    + "(default 100).")
    public FeaturesResponse features(@Valid @RequestBody FeatureQueryBody body, HttpServletRequest request) {
        GeoBodies.Purpose purpose = body.purpose() == null ? new GeoBodies.Purpose(null, null, null)
                : body.purpose();
        HubClient client = CallingClient.requireAccess(request, FEATURES_SERVICE);
        CallContext context = ReadCalls.context(client, purpose.matterCode(), purpose.caseNumber(),
                purpose.officerId(), request, "purpose.");
        Coordinates.requireCgcs2000(body.crs());
        GeoBounds bbox = body.bbox() == null ? null : new GeoBounds(body.bbox().minLon(), body.bbox().minLat(),
                body.bbox().maxLon(), body.bbox().maxLat());
        FeatureSearch search = new FeatureSearch(body.layer(), bbox, body.equalTo(),
                body.maxFeatures() == null ? 100 : body.maxFeatures());
        return FeaturesResponse.of(map.features(search, context));
    }

    @GetMapping(path = "/tiles/{layer}/{z}/{x}/{y}", produces = {MediaType.IMAGE_PNG_VALUE,
            MediaType.IMAGE_JPEG_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "One 256-px map tile of the geographic (lon/lat) tiling, through the hub's tile cache",
            description = "At zoom z the world is 2^z tiles wide and 2^(z-1) tall; x counts east from -180°, y "
                    + "south from +90°. ETag and Cache-Control are set; If-None-Match → 304. A tile served while "
                    + "the map is unavailable carries X-Hub-Stale: true.")
    public ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable int z, @PathVariable long x,
                                       @PathVariable long y,
                                       @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                       String ifNoneMatch, HttpServletRequest request) {
        CallContext context = context(request, TILES_SERVICE, null, null, null);
        GeoProperties.Tiles tiles = properties.tiles();
        if (!tiles.layers().contains(layer)) {
            throw new DomainValidationException("layer", "is not one of the layers served: " + tiles.layers());
        }
        if (z > tiles.maxZoom()) {
            throw new DomainValidationException("z", "must be at most " + tiles.maxZoom());
        }
        ProviderAnswer<MapTile> answer = map.tile(new MapTileRef(layer, z, x, y), context);
        MapTile tile = answer.value();
        String etag = "\"" + Sm3.of(tile.bytes()).hex() + "\"";
        Duration maxAge = answer.stale() ? STALE_BROWSER_MAX_AGE : tiles.browserMaxAge();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(etag.equals(ifNoneMatch)
                        ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(maxAge.toSeconds(), TimeUnit.SECONDS).cachePrivate())
                .header(STALE_HEADER, Boolean.toString(answer.stale()));
        if (etag.equals(ifNoneMatch)) {
            return response.build();
        }
        return response.contentType(MediaType.parseMediaType(tile.contentType())).body(tile.bytes());
    }

    private static CallContext context(HttpServletRequest request, String service, String matterCode,
                                       String caseNumber, String officerId) {
        HubClient client = CallingClient.requireAccess(request, service);
        return ReadCalls.context(client, matterCode, caseNumber, officerId, request, "");
    }
}
