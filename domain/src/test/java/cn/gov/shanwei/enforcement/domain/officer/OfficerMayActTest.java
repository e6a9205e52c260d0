package cn.gov.shanwei.enforcement.domain.officer;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("执法人员与执法证 (officers and certificates, 行政处罚法 art. 42, 55)")
class OfficerMayActTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    @Test
    @DisplayName("Two officers of the subject with valid market-supervision certificates may investigate")
    void twoValidOfficersMayInvestigate() {
        assertThat(TwoOfficerRule.refusal(List.of(CHEN, LIN), HAIFENG_MARKET.id(), MARKET, TODAY)).isEmpty();
    }

    @Test
    @DisplayName("One officer alone — or the same officer twice — may not investigate")
    void oneOfficerIsNotEnough() {
        assertThat(TwoOfficerRule.refusal(List.of(CHEN), HAIFENG_MARKET.id(), MARKET, TODAY)).get().asString()
                .contains("at least two officers");
        assertThat(TwoOfficerRule.refusal(List.of(CHEN, CHEN), HAIFENG_MARKET.id(), MARKET, TODAY)).isPresent();
    }

    @Test
    @DisplayName("An expired certificate does not count")
    void expiredCertificate() {
        assertThat(TwoOfficerRule.refusal(List.of(CHEN, HUANG_EXPIRED), HAIFENG_MARKET.id(), MARKET, TODAY)).get()
                .asString().contains("黄强 may not act").contains("valid only from 2022-01-01 to 2024-12-31");
    }

    @Test
    @DisplayName("A revoked certificate does not count")
    void revokedCertificate() {
        assertThat(ZHENG_REVOKED.refusal(MARKET, TODAY)).get().asString().contains("is revoked");
    }

    @Test
    @DisplayName("A certificate for market supervision does not allow transport enforcement")
    void wrongDomain() {
        assertThat(CHEN.refusal(EnforcementDomain.TRANSPORT, TODAY)).get().asString().contains("does not cover transport");
    }

    @Test
    @DisplayName("An officer of another subject may not act in this subject's case")
    void otherSubject() {
        assertThat(TwoOfficerRule.refusal(List.of(CHEN, WU_OTHER_SUBJECT), HAIFENG_MARKET.id(), MARKET, TODAY)).get()
                .asString().contains("吴丽 does not belong");
    }
}
