package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderingKeyTest {

    static final ProviderOperation NOTICE = new ProviderOperation(Provider.PAYMENT, "issue-client-notice");
    static final ProviderOperation PAID = new ProviderOperation(Provider.WEBHOOK, "payment-paid");
    static final ProviderOperation ISSUED = new ProviderOperation(Provider.WEBHOOK, "payment-notice-issued");

    private static CallContext call(String system, String caseNumber, String key) {
        return new CallContext(system, null, caseNumber, "330217001000", key, "trace");
    }

    @Test
    void aCasesEffects_goInOrderPerProvider_andAnEffectWithoutACaseWaitsForNothing() {
        assertThat(JdbcOutbox.orderingKey(NOTICE, "PC-1", call("town-portal", "CQ-9", "k1"))).isEqualTo(
                "case:town-portal:CQ-9@payment")
                .isEqualTo(JdbcOutbox.orderingKey(NOTICE, "PC-2", call("town-portal", "CQ-9", "k2")));
        assertThat(JdbcOutbox.orderingKey(NOTICE, "PC-1", call("town-portal", null, "k1"))).isEqualTo("key:k1");
    }

    @Test
    void twoSystemsUsingTheSameCaseNumber_neverWaitForEachOther() {
        assertThat(JdbcOutbox.orderingKey(NOTICE, "PC-1", call("town-portal", "CQ-9", "k1")))
                .isNotEqualTo(JdbcOutbox.orderingKey(NOTICE, "PC-1", call("market-supervision", "CQ-9", "k2")));
    }

    @Test
    void aCaseKeyLongerThanTheColumn_isDigested_stablyAndWithinIt() {
        // a case number and a system id of 64 characters each: together longer than the column
        String caseNumber = "汕".repeat(64);
        String system = "s".repeat(64);
        String key = JdbcOutbox.orderingKey(NOTICE, "PC-1", call(system, caseNumber, "k1"));

        assertThat(key).hasSizeLessThanOrEqualTo(128).startsWith("case:")
                .isEqualTo(JdbcOutbox.orderingKey(NOTICE, "PC-2", call(system, caseNumber, "k2")))
                .isNotEqualTo(JdbcOutbox.orderingKey(NOTICE, "PC-1", call("other-system", caseNumber, "k3")));
    }

    @Test
    void aClientsWebhooksAboutOneResource_shareAKey_whatever_their_type_orCase() {
        String issued = JdbcOutbox.orderingKey(ISSUED, "PC-1", call("town-portal", "CQ-9", "evt-1"));
        String paid = JdbcOutbox.orderingKey(PAID, "PC-1", call("town-portal", null, "evt-2"));

        assertThat(issued).isEqualTo("hook:town-portal:PC-1").isEqualTo(paid);
        assertThat(JdbcOutbox.orderingKey(PAID, "PC-1", call("other-system", "CQ-9", "evt-3")))
                .as("another client never waits for this one").isNotEqualTo(issued);
        assertThat(JdbcOutbox.orderingKey(PAID, "PC-2", call("town-portal", "CQ-9", "evt-4"))).isNotEqualTo(issued);
    }

    @Test
    void aWebhookKeyLongerThanTheColumn_isDigested_stablyAndWithinIt() {
        String resource = "r".repeat(128);
        String key = JdbcOutbox.orderingKey(PAID, resource, call("town-portal", null, "evt-1"));

        assertThat(key).hasSizeLessThanOrEqualTo(128).startsWith("hook:")
                .isEqualTo(JdbcOutbox.orderingKey(ISSUED, resource, call("town-portal", null, "evt-2")));
    }
}
