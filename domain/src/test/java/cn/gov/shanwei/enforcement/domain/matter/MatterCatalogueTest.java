package cn.gov.shanwei.enforcement.domain.matter;

import cn.gov.shanwei.enforcement.domain.common.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("执法事项库 (matter catalogue, versions, discretion standard)")
class MatterCatalogueTest {

    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);

    @Test
    @DisplayName("An adjusted matter keeps its old version for cases filed before the adjustment")
    void caseKeepsItsVersion() {
        MatterVersion v2 = new MatterVersion(FOOD_LICENCE, 2, JAN_2025, MatterStatus.ACTIVE, FOOD_LICENCE_V1.name(),
                MatterKind.PENALTY, MARKET, FOOD_LICENCE_V1.basis(), new DiscretionBand(List.of(
                new DiscretionBand.Level("一般", 1_000_000, 3_000_000))), "SC-440000-001");
        EnforcementMatter matter = foodLicenceMatter().adjust(v2);

        assertThat(matter.versionOn(LocalDate.of(2024, 12, 31))).contains(FOOD_LICENCE_V1);
        assertThat(matter.versionOn(JAN_2025)).contains(v2);
        assertThat(matter.versionOn(LocalDate.of(2020, 1, 1))).isEmpty();
    }

    @Test
    @DisplayName("A suspended matter cannot open a new case; after it is resumed it can")
    void suspendedMatter() {
        EnforcementMatter suspended = foodLicenceMatter().suspend(JAN_2025);
        MatterCatalogue catalogue = new MatterCatalogue(List.of(suspended));

        Outcome<MatterVersion> outcome = catalogue.versionForNewCase(FOOD_LICENCE, MatterKind.PENALTY, JAN_2025);

        assertThat(outcome.reason()).contains("is suspended since 2025-01-01");
        MatterCatalogue resumed = new MatterCatalogue(List.of(suspended.resume(LocalDate.of(2025, 3, 1))));
        assertThat(resumed.versionForNewCase(FOOD_LICENCE, MatterKind.PENALTY, LocalDate.of(2025, 3, 1)).events())
                .singleElement().extracting(MatterVersion::version).isEqualTo(3);
    }

    @Test
    @DisplayName("A cancelled matter cannot be used nor adjusted again")
    void cancelledMatter() {
        EnforcementMatter cancelled = foodLicenceMatter().cancel(JAN_2025);

        assertThat(new MatterCatalogue(List.of(cancelled)).versionForNewCase(FOOD_LICENCE, MatterKind.PENALTY,
                JAN_2025).reason()).contains("cancelled");
        assertThatThrownBy(() -> cancelled.resume(LocalDate.of(2025, 2, 1))).hasMessageContaining("cancelled");
    }

    @Test
    @DisplayName("An unknown matter or one of another kind is refused")
    void unknownOrWrongKind() {
        MatterCatalogue catalogue = new MatterCatalogue(List.of(foodLicenceMatter()));
        assertThat(catalogue.versionForNewCase(new MatterCode("X-1"), MatterKind.PENALTY, JAN_2025).reason())
                .contains("not in the enforcement matter catalogue");
        assertThat(catalogue.versionForNewCase(FOOD_LICENCE, MatterKind.INSPECTION, JAN_2025).reason())
                .contains("is a penalty matter, not inspection");
    }

    @Test
    @DisplayName("A fine of 25,000 yuan is outside the '一般' band of 5,000 to 20,000 yuan")
    void discretionBand() {
        DiscretionBand band = FOOD_LICENCE_V1.band();
        assertThat(band.refusal("一般", 1_500_000)).isEmpty();
        assertThat(band.refusal("一般", 2_500_000)).contains(
                "a fine of 25,000 yuan is outside the discretion standard for '一般' (5,000 yuan to 20,000 yuan)");
        assertThat(band.refusal("特别严重", 100)).get().asString().contains("no circumstance");
    }

    @Test
    @DisplayName("Versions must follow one another")
    void versionsInOrder() {
        assertThatThrownBy(() -> foodLicenceMatter().adjust(FOOD_LICENCE_V1)).hasMessageContaining("version 2");
    }
}
