package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertPolicy;
import cn.gov.shanwei.enforcement.supervision.workforce.OfficerStatus.CertificateWarning;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter.AS_OF;
import static cn.gov.shanwei.enforcement.supervision.fixtures.World.*;
import static org.assertj.core.api.Assertions.assertThat;

class WorkforceTest {

    final Workforce workforce = new Workforce(World.registry(), SpringQuarter.model(), AlertPolicy.defaults());

    @Test
    @DisplayName("officers of the jurisdiction with certificate warnings first and their open cases")
    void officers() {
        List<OfficerStatus> haifeng = workforce.officers(HAIFENG_JUSTICE.id(), AS_OF);
        assertThat(haifeng).extracting(o -> o.id().value()).containsExactly("o-lin", "o-chen");
        OfficerStatus lin = haifeng.get(0);
        assertThat(lin.warning()).isEqualTo(CertificateWarning.EXPIRING);
        assertThat(lin.daysLeft()).isEqualTo(10);
        assertThat(lin.openCases()).as("HF-C only; A and B are closed").isEqualTo(1);
        assertThat(workforce.officers(HAIFENG_JUSTICE.id(), AS_OF.plusDays(11)).get(0).warning())
                .isEqualTo(CertificateWarning.EXPIRED);
        assertThat(workforce.officers(CITY_JUSTICE.id(), AS_OF)).hasSize(5);
    }

    @Test
    @DisplayName("per subject: officers, certified, expiring and open cases per certified officer")
    void perSubject() {
        List<SubjectWorkforce> city = workforce.subjects(CITY_JUSTICE.id(), AS_OF);
        SubjectWorkforce lufeng = city.stream().filter(s -> s.subject().equals(LUFENG_MARKET.id())).findFirst()
                .orElseThrow();
        assertThat(lufeng.officers()).isEqualTo(2);
        assertThat(lufeng.openCases()).isEqualTo(2);
        assertThat(lufeng.openPerCertified()).isEqualTo(1.0);
        SubjectWorkforce haicheng = city.stream().filter(s -> s.subject().equals(HAICHENG_OFFICE.id())).findFirst()
                .orElseThrow();
        assertThat(haicheng.officers()).isZero();
        assertThat(haicheng.openPerCertified()).isNull();
        assertThat(city).noneMatch(s -> s.subject().equals(CITY_JUSTICE.id()));
        assertThat(city.stream().filter(s -> s.subject().equals(HAIFENG_MARKET.id())).findFirst().orElseThrow()
                .expiring()).isEqualTo(1);
    }
}
