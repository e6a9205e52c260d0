package cn.gov.shanwei.enforcement.domain.subject;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("执法主体与管辖 (subjects and jurisdiction)")
class JurisdictionTest {

    private final SubjectDirectory directory = directory();

    @Test
    @DisplayName("海丰县市场监督管理局 handles a case in 海城镇, a town of its county")
    void countyHandlesItsTowns() {
        assertThat(directory.refusalToHandle(HAIFENG_MARKET, MARKET, HAICHENG_TOWN)).isEmpty();
        assertThat(directory.refusalToHandle(HAIFENG_MARKET, MARKET, ShanweiRegions.HAIFENG)).isEmpty();
    }

    @Test
    @DisplayName("陆丰市市场监督管理局 may not handle a case in 海丰县")
    void countyCannotActInAnotherCounty() {
        assertThat(directory.refusalToHandle(LUFENG_MARKET, MARKET, HAICHENG_TOWN))
                .contains("441521100 is outside the jurisdiction of 陆丰市市场监督管理局");
    }

    @Test
    @DisplayName("A subject without power in the domain is told so")
    void domainMustMatch() {
        assertThat(directory.refusalToHandle(HAIFENG_MARKET, EnforcementDomain.TRANSPORT, ShanweiRegions.HAIFENG))
                .contains("海丰县市场监督管理局 has no enforcement power in transport");
    }

    @Test
    @DisplayName("汕尾市司法局 supervises every subject of the city; 海丰县司法局 only those of 海丰县")
    void supervisionGoesDown() {
        assertThat(directory.supervisedBy(CITY_JUSTICE)).hasSize(6);
        assertThat(directory.supervises(HAIFENG_JUSTICE, HAICHENG_OFFICE)).isTrue();
        assertThat(directory.supervises(HAIFENG_JUSTICE, LUFENG_MARKET)).isFalse();
        assertThat(directory.supervises(HAIFENG_JUSTICE, CITY_MARKET)).as("not upwards").isFalse();
        assertThat(directory.supervises(CITY_MARKET, HAIFENG_MARKET)).as("not a supervisory body").isFalse();
    }

    @Test
    @DisplayName("The three levels and the two functional zones are known, with their parent")
    void levels() {
        assertThat(directory.levelOf(CITY_MARKET)).isEqualTo(SubjectLevel.CITY);
        assertThat(directory.levelOf(HAICHENG_OFFICE)).isEqualTo(SubjectLevel.TOWN);
        assertThat(directory.region(ShanweiRegions.HONGHAIWAN)).get().extracting(Region::parent)
                .isEqualTo(ShanweiRegions.SHANWEI);
        assertThat(ShanweiRegions.HUAQIAO.isLocal()).isTrue();
        assertThat(SubjectLevel.CITY.isAbove(SubjectLevel.TOWN)).isTrue();
    }

    @Test
    @DisplayName("A malformed region code is refused")
    void badRegionCode() {
        assertThatThrownBy(() -> new RegionCode("4415")).isInstanceOf(DomainValidationException.class);
        assertThat(RegionCode.isWellFormed("4415")).isFalse();
        assertThat(RegionCode.isWellFormed(null)).isFalse();
        assertThat(RegionCode.isWellFormed("441500-HHW")).isTrue();
    }
}
