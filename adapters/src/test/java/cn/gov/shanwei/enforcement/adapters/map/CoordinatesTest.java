package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoordinatesTest {

    @ParameterizedTest
    @CsvSource({"180.0001,0,lon", "-180.5,0,lon", "0,90.01,lat", "0,-91,lat", "NaN,0,lon", "0,Infinity,lat"})
    void geoPoint_whenOutOfRangeOrNotFinite_namesTheField(double lon, double lat, String field) {
        assertThatThrownBy(() -> GeoPoint.of(lon, lat))
                .isInstanceOfSatisfying(AdapterValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void geoPoint_whenOnTheLimits_isAccepted() {
        assertThat(GeoPoint.of(-180, 90)).isEqualTo(new GeoPoint(-180, 90));
        assertThat(GeoPoint.of(-0.0, 0)).isEqualTo(GeoPoint.of(0.0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GCJ-02", "gcj02", "BD-09", "bd09ll", "Baidu"})
    void geoPoint_whenGivenInAnOffsetSystem_isRefusedWithTheReason(String crs) {
        assertThatThrownBy(() -> GeoPoint.of(115.37, 22.78, crs))
                .isInstanceOf(AdapterValidationException.class)
                .hasMessageContaining("refused").hasMessageContaining("CGCS2000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4490", "cgcs2000", "urn:ogc:def:crs:EPSG::4490", "EPSG:4326", "WGS 84"})
    void geoPoint_whenGivenInCgcs2000OrWgs84_isAccepted(String crs) {
        assertThat(GeoPoint.of(115.37, 22.78, crs)).isEqualTo(GeoPoint.of(115.37, 22.78));
    }

    @Test
    void coordinateSystem_whenUnknown_isRefused() {
        assertThatThrownBy(() -> CoordinateSystem.parse("EPSG:3857")).isInstanceOf(AdapterValidationException.class)
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> CoordinateSystem.parse(" ")).isInstanceOf(AdapterValidationException.class);
    }

    @Test
    void boundingBox_whenEdgesAreInverted_isRefused() {
        assertThatThrownBy(() -> new BoundingBox(115.5, 22.7, 115.2, 22.9))
                .isInstanceOfSatisfying(AdapterValidationException.class, e -> assertThat(e.field()).isEqualTo("bbox"));
        assertThat(new BoundingBox(115.2, 22.7, 115.5, 22.9).toParameter()).isEqualTo("115.2,22.7,115.5,22.9");
    }

    @Test
    void tileAddress_followsTheGeographicTilingFormula() {
        // x = floor((lng+180)/360·2^z), y = floor((90−lat)/360·2^z)
        GeoPoint shanwei = GeoPoint.of(115.3712, 22.7865);
        TileAddress tile = TileAddress.containing(shanwei, 10);
        assertThat(tile).isEqualTo(new TileAddress(10, (long) Math.floor((115.3712 + 180) / 360 * 1024),
                (long) Math.floor((90 - 22.7865) / 360 * 1024)));
        assertThat(tile.bounds().contains(shanwei)).isTrue();
        assertThat(TileAddress.containing(shanwei, 0)).isEqualTo(new TileAddress(0, 0, 0));
    }

    @Test
    void tileAddress_whenOnTheSouthEastCornerOfTheWorld_foldsIntoTheLastTile() {
        assertThat(TileAddress.containing(GeoPoint.of(180, -90), 3)).isEqualTo(new TileAddress(3, 7, 3));
        assertThat(new TileAddress(3, 7, 3).bounds()).isEqualTo(new BoundingBox(135, -90, 180, -45));
    }

    @ParameterizedTest
    @CsvSource({"21,0,0,z", "-1,0,0,z", "1,2,0,x", "1,0,1,y", "0,0,1,y", "5,-1,0,x"})
    void tileAddress_whenOutsideTheTiling_namesTheField(int z, long x, long y, String field) {
        assertThatThrownBy(() -> new TileAddress(z, x, y))
                .isInstanceOfSatisfying(AdapterValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void featureQuery_whenNeitherBoxNorFilter_isRefused() {
        assertThatThrownBy(() -> new FeatureQuery("division", null, Map.of(), 10))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("whole layer");
    }

    @Test
    void featureQuery_quotesValuesSoTheyCannotChangeTheFilter() {
        FeatureQuery query = new FeatureQuery("poi", null, Map.of("name", "x' OR '1'='1", "adminCode", "4415"), 5);
        assertThat(query.cql()).isEqualTo("adminCode='4415' AND name='x'' OR ''1''=''1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Division", "a b", "", "x/../y"})
    void featureQuery_whenLayerNameIsOdd_isRefused(String layer) {
        assertThatThrownBy(() -> FeatureQuery.where(layer, "name", "x")).isInstanceOf(AdapterValidationException.class);
    }

    @Test
    void featureQuery_whenAttributeIsNotAnIdentifier_isRefused() {
        assertThatThrownBy(() -> FeatureQuery.where("poi", "name)or(1", "x"))
                .isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> new FeatureQuery("poi", null, Map.of("a", "b"), 1001))
                .isInstanceOf(AdapterValidationException.class);
    }
}
