package cn.gov.shanwei.enforcement.cases.config;

import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.penalty.FineThreshold;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hub.cases.*} binds with the domain's defaults, and a deployment can set the thresholds the law leaves open. */
class CasePropertiesTest {

    static CaseProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hub.cases",
                CaseProperties.class);
    }

    @Test
    void withNothingConfigured_theRulesAreTheDomainDefaults() {
        PenaltyRules rules = bind(Map.of()).rules().toDomain();
        PenaltyRules defaults = PenaltyRules.defaults();

        assertThat(rules.summaryLimit()).isEqualTo(defaults.summaryLimit());
        assertThat(rules.hearingRight()).isEqualTo(defaults.hearingRight());
        assertThat(rules.legalReview()).isEqualTo(defaults.legalReview());
        assertThat(rules.collectiveDiscussion()).isEqualTo(defaults.collectiveDiscussion());
        assertThat(rules.legalReviewForAll()).isFalse();
        assertThat(bind(Map.of()).evidence().maxSize().toMegabytes()).isEqualTo(20);
    }

    @Test
    void aProvinceMayLowerTheLargeFineThreshold_andRequireLegalReviewForAll() {
        PenaltyRules rules = bind(Map.of("hub.cases.rules.large-person", "500000",
                "hub.cases.rules.legal-review-for-all", "true")).rules().toDomain();

        assertThat(rules.hearingRight()).isEqualTo(new FineThreshold(500_000, 10_000_000));
        assertThat(rules.legalReviewForAll()).isTrue();
    }

    @Test
    void theCaseListCountsTo10000_unlessConfigured() {
        assertThat(bind(Map.of()).listTotalCap()).isEqualTo(10_000);
        assertThat(bind(Map.of("hub.cases.list-total-cap", "500")).listTotalCap()).isEqualTo(500);
    }

    @Test
    void twentyThousandLogRowsAreKeptRead_unlessConfigured() {
        assertThat(bind(Map.of()).eventsKept()).isEqualTo(20_000);
        assertThat(bind(Map.of("hub.cases.events-kept", "0")).eventsKept()).isZero();
    }

    @Test
    void retiredKeysBindFromACommaSeparatedList_andNeedTheIndexKeySet() {
        String a = "00112233445566778899aabbccddeeff";
        String b = "ffeeddccbbaa99887766554433221100";
        String c = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

        assertThat(bind(Map.of("hub.cases.crypto.sm4-key", a)).crypto().retiredSm4Keys()).isEmpty();
        assertThat(bind(Map.of("hub.cases.crypto.sm4-key", a, "hub.cases.crypto.retired-sm4-keys", ""))
                .crypto().cipher().retiredKeyIds()).isEmpty();
        CaseProperties.Crypto rotated = bind(Map.of("hub.cases.crypto.sm4-key", c,
                "hub.cases.crypto.retired-sm4-keys", b + "," + a, "hub.cases.crypto.index-key", a)).crypto();
        assertThat(rotated.cipher().retiredKeyIds()).containsExactly(FieldCipher.keyId(b), FieldCipher.keyId(a));
        assertThat(rotated.cipher().index("x")).isEqualTo(new FieldCipher(a).index("x"));
        assertThatThrownBy(() -> bind(Map.of("hub.cases.crypto.sm4-key", b,
                "hub.cases.crypto.retired-sm4-keys", a)).crypto().cipher())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.index-key must be set");
    }

    @Test
    void retiredIndexKeysBindFromACommaSeparatedList_andNeedTheIndexKeySet() {
        String a = "00112233445566778899aabbccddeeff";
        String b = "ffeeddccbbaa99887766554433221100";
        String c = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

        assertThat(bind(Map.of("hub.cases.crypto.sm4-key", a, "hub.cases.crypto.retired-index-keys", ""))
                .crypto().cipher().retiredIndexKeyIds()).isEmpty();
        FieldCipher reindexed = bind(Map.of("hub.cases.crypto.sm4-key", a, "hub.cases.crypto.index-key", c,
                "hub.cases.crypto.retired-index-keys", b + "," + a)).crypto().cipher();
        assertThat(reindexed.indexKeyId()).isEqualTo(FieldCipher.keyId(c));
        assertThat(reindexed.retiredIndexKeyIds()).containsExactly(FieldCipher.keyId(b), FieldCipher.keyId(a));
        assertThatThrownBy(() -> bind(Map.of("hub.cases.crypto.sm4-key", a,
                "hub.cases.crypto.retired-index-keys", b)).crypto().cipher())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.index-key must be set when "
                        + "hub.cases.crypto.retired-index-keys is");
    }
}
