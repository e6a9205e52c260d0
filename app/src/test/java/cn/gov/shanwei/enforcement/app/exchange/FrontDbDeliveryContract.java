package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordType;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 前置库 mode ({@link FrontDbDelivery}, Flyway V46) and the push handler over it, on one database; run on H2
 * ({@code FrontDbDeliveryH2Test}) and PostgreSQL ({@code FrontDbDeliveryPostgresIT}).
 */
abstract class FrontDbDeliveryContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

    ExchangeDatabase db;
    FrontDbDelivery delivery;
    ExchangeTracking tracking;

    abstract ExchangeDatabase database();

    @BeforeEach
    void open() {
        db = database();
        delivery = new FrontDbDelivery(db.dataSource, CLOCK, Duration.ofSeconds(5));
        tracking = new ExchangeTracking(db.jdbc, CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    static ExchangeRecord inspection(String id, int version, String region) {
        ObjectNode data = RecordEnvelopes.JSON.createObjectNode().put("inspectionNumber", "汕城市监检〔2026〕7号")
                .put("inspectionType", "RANDOM").put("subjectName", "汕尾市城区海滨餐饮有限公司")
                .put("inspectedOn", "2026-11-20").put("outcome", "NO_PROBLEM")
                .put("authorityName", "汕尾市城区市场监督管理局").put("authorityCode", "11441502MB2C9315XT")
                .put("regionCode", region);
        data.putArray("officerCertificates").add("44150201001").add("44150201002");
        return new ExchangeRecord(id, RecordType.INSPECTION, version, Instant.parse("2026-11-20T09:00:00Z"), false,
                data);
    }

    @Test
    void aBatch_becomesNewRowsForTheCollector_withTheStandardsChangeColumns() {
        List<RecordDelivery.Answer> answers = delivery.deliver(new PushBatch("b-1",
                List.of(inspection("i-1", 1, "441502"), inspection("i-2", 1, "441521"))));

        assertThat(answers).extracting(RecordDelivery.Answer::status)
                .containsExactly(RecordStatus.HANDED_OVER, RecordStatus.HANDED_OVER);
        List<Map<String, Object>> rows = db.jdbc.sql("SELECT record_id, version, record_type, batch_id, proc_status,"
                + " delete_flag FROM exchange_front_record ORDER BY record_id").query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("record_id", "i-1").containsEntry("record_type", "INSPECTION")
                .containsEntry("batch_id", "b-1").containsEntry("proc_status", "NEW");
        assertThat(((Number) rows.get(0).get("delete_flag")).intValue()).isZero();
        assertThat(db.jdbc.sql("SELECT data_json FROM exchange_front_record WHERE record_id = 'i-1'")
                .query(String.class).single()).contains("\"recordId\":\"i-1\"").contains("汕城市监检〔2026〕7号");
    }

    @Test
    void aResend_isRecognised_andAChangedVersionIsAConflict() {
        delivery.deliver(new PushBatch("b-1", List.of(inspection("i-1", 1, "441502"))));

        List<RecordDelivery.Answer> resent = delivery.deliver(new PushBatch("b-1",
                List.of(inspection("i-1", 1, "441502"))));
        List<RecordDelivery.Answer> changed = delivery.deliver(new PushBatch("b-2",
                List.of(inspection("i-1", 1, "441581"), inspection("i-1x", 1, "441581"))));

        assertThat(resent).extracting(RecordDelivery.Answer::status).containsExactly(RecordStatus.HANDED_OVER);
        assertThat(changed.get(0).status()).isEqualTo(RecordStatus.REJECTED);
        assertThat(changed.get(0).code()).isEqualTo("CONFLICT");
        assertThat(db.jdbc.sql("SELECT count(*) FROM exchange_front_record").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aBatchThatCannotBeWrittenWhole_writesNothing() {
        ExchangeRecord huge = inspection("i-big", 1, "441502");
        ObjectNode data = huge.data().put("subjectName", "x".repeat(1_000_001));
        ExchangeRecord tooBig = new ExchangeRecord("i-big", RecordType.INSPECTION, 1, huge.updatedAt(), false, data);

        assertThatThrownBy(() -> delivery.deliver(new PushBatch("b-3", List.of(inspection("i-ok", 1, "441502"),
                tooBig)))).isInstanceOf(AdapterValidationException.class);

        assertThat(db.jdbc.sql("SELECT count(*) FROM exchange_front_record").query(Long.class).single()).isZero();
    }

    @Test
    void theCollectorsAnswer_isReadBack() {
        delivery.deliver(new PushBatch("b-4", List.of(inspection("i-4", 1, "441502"))));
        assertThat(delivery.laterAnswer("i-4", 1)).isEmpty();

        db.jdbc.sql("UPDATE exchange_front_record SET proc_status = 'REJECTED', proc_code = 'OUT_OF_JURISDICTION',"
                + " proc_message = 'not ours', proc_time = CURRENT_TIMESTAMP WHERE record_id = 'i-4'").update();

        assertThat(delivery.laterAnswer("i-4", 1)).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(RecordStatus.REJECTED);
            assertThat(a.code()).isEqualTo("OUT_OF_JURISDICTION");
        });
    }

    @Test
    void thePushHandler_inFrontDbMode_tracksEachRecord_andRefusesAConflictFinally() {
        PushRecordHandler handler = new PushRecordHandler(delivery, tracking);
        CallContext context = new CallContext("market-system", null, null, "330217003000", "push-1", null);
        List<ExchangeRecord> records = List.of(inspection("i-5", 1, "441502"));
        tracking.open("push-1", "market-system", null, records);

        handler.execute(new DurableCall(PushRecordHandler.OPERATION, "i-5#1", RecordEnvelopes.payload(records),
                context, 1));

        assertThat(tracking.find("push-1", "market-system")).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(ExchangeTracking.State.DELIVERED);
            assertThat(s.mode()).isEqualTo("FRONT_DB");
            assertThat(s.records()).extracting(ExchangeTracking.TrackedRecord::status)
                    .containsExactly(RecordStatus.HANDED_OVER);
        });
        assertThat(tracking.find("push-1", "another-system")).isEmpty();

        List<ExchangeRecord> conflicting = List.of(inspection("i-5", 1, "441581"));
        tracking.open("push-2", "market-system", null, conflicting);
        assertThatThrownBy(() -> handler.execute(new DurableCall(PushRecordHandler.OPERATION, "i-5#1",
                RecordEnvelopes.payload(conflicting), new CallContext("market-system", null, null, "330217003000",
                "push-2", null), 1)))
                .isInstanceOfSatisfying(ProviderRejectedException.class, e -> {
                    assertThat(e.providerCode()).isEqualTo(PushRecordHandler.RECORDS_REJECTED);
                    assertThat(e.getMessage()).contains("i-5 CONFLICT");
                });
        assertThat(tracking.find("push-2", "market-system")).hasValueSatisfying(s ->
                assertThat(s.state()).isEqualTo(ExchangeTracking.State.REFUSED));
    }
}
