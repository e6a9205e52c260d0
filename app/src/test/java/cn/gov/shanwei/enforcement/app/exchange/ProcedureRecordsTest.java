package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordSchemas;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordType;
import cn.gov.shanwei.enforcement.cases.reporting.InspectionReport;
import cn.gov.shanwei.enforcement.cases.reporting.MeasureReport;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coercive measures' and inspections' reportable moments in the province's 强制 / 检查 record shapes, validated
 * against the contract's JSON Schemas (ADR 0514).
 */
class ProcedureRecordsTest {

    static final RecordSchemas SCHEMAS = ExchangeProvider.loadSchemas();
    static final UUID PROCEDURE = UUID.fromString("0f1e2d3c-4b5a-4968-8776-655443322110");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final String AUTHORITY = "11441500MB2C93150X";

    static MeasureReport measure(MeasureReport.Moment moment, int version, CoercionKind kind, boolean organisation) {
        boolean ended = moment == MeasureReport.Moment.RELEASED || moment == MeasureReport.Moment.DISPOSED;
        return new MeasureReport(UUID.randomUUID(), Instant.parse("2026-11-20T02:00:00Z"), PROCEDURE,
                "SW-HF-SCJ强〔2026〕3号", "SW-HF-SCJ", "C4415-SCJ-Q001", "441521", version, moment, "海市监扣〔2026〕3号",
                kind, organisation ? "汕尾市海滨餐饮有限公司" : "陈小海", organisation,
                organisation ? "91441500MA4W123454" : null, "《中华人民共和国食品安全法》 第一百一十条", DAY,
                DAY.plusDays(version == 1 ? 30 : 60), ended ? DAY.plusDays(12) : null);
    }

    static InspectionReport inspection(InspectionReport.Result result, InspectionOrigin origin, int version) {
        return new InspectionReport(UUID.randomUUID(), Instant.parse("2026-11-21T02:00:00Z"), PROCEDURE,
                "SW-HF-SCJ检〔2026〕5号", "SW-HF-SCJ", "C4415-SCJ-J001", "441521", version, result, origin,
                "汕尾市海滨餐饮有限公司", true, "91441500MA4W123454", DAY, DAY.plusDays(1),
                result == InspectionReport.Result.NO_PROBLEM ? null : DAY.plusDays(10),
                List.of("4415-hf-officer-1", "4415-hf-officer-2"));
    }

    @Test
    void aMeasuresDecision_isAValidCoercionRecord_andItsReleaseTheNextVersion() {
        ExchangeRecord decided = ProcedureRecords.record(measure(MeasureReport.Moment.DECIDED, 1,
                CoercionKind.SEIZURE, true), "海丰县市场监督管理局", AUTHORITY);
        ExchangeRecord released = ProcedureRecords.record(measure(MeasureReport.Moment.RELEASED, 3,
                CoercionKind.SEIZURE, true), "海丰县市场监督管理局", AUTHORITY);

        assertThat(SCHEMAS.problems(decided)).isEmpty();
        assertThat(SCHEMAS.problems(released)).isEmpty();
        assertThat(decided.recordId()).isEqualTo(PROCEDURE + ":COERCION");
        assertThat(decided.type()).isEqualTo(RecordType.COERCION);
        assertThat(decided.deleted()).isFalse();
        assertThat(decided.data().path("measureType").asText()).isEqualTo("SEIZE");
        assertThat(decided.data().path("measureStatus").asText()).isEqualTo("IN_FORCE");
        assertThat(decided.data().path("endDate").asText()).isEqualTo("2026-12-20");
        assertThat(decided.data().has("endedOn")).isFalse();
        assertThat(released.version()).isEqualTo(3);
        assertThat(released.data().path("measureStatus").asText()).isEqualTo("RELEASED");
        assertThat(released.data().path("endedOn").asText()).isEqualTo("2026-12-02");
    }

    @Test
    void everyKindAndMoment_isValid_andAPersonsRecordCarriesNoIdNumber() {
        Arrays.stream(CoercionKind.values()).forEach(kind -> Arrays.stream(MeasureReport.Moment.values())
                .forEach(moment -> {
                    ExchangeRecord record = ProcedureRecords.record(measure(moment, 2, kind, false),
                            "海丰县市场监督管理局", AUTHORITY);
                    assertThat(SCHEMAS.problems(record)).as(kind + " " + moment).isEmpty();
                    assertThat(record.data().has("partyUscc")).isFalse();
                    assertThat(record.data().path("partyType").asText()).isEqualTo("PERSON");
                }));
    }

    @Test
    void everyInspectionResultAndOrigin_isAValidInspectionRecord() {
        Arrays.stream(InspectionReport.Result.values()).forEach(result -> Arrays.stream(InspectionOrigin.values())
                .forEach(origin -> {
                    ExchangeRecord record = ProcedureRecords.record(inspection(result, origin, 1),
                            "海丰县市场监督管理局", AUTHORITY);
                    assertThat(SCHEMAS.problems(record)).as(result + " " + origin).isEmpty();
                    assertThat(record.recordId()).isEqualTo(PROCEDURE + ":INSPECTION");
                    assertThat(record.data().path("outcome").asText()).isEqualTo(result.name());
                }));
        ExchangeRecord drawn = ProcedureRecords.record(inspection(InspectionReport.Result.NO_PROBLEM,
                InspectionOrigin.RANDOM_DRAW, 1), "海丰县市场监督管理局", AUTHORITY);
        assertThat(drawn.data().path("inspectionType").asText()).isEqualTo("RANDOM");
        assertThat(drawn.data().path("officerCertificates")).hasSize(2);
        assertThat(drawn.data().has("rectificationDueOn")).isFalse();
    }

    @Test
    void aRecordWithOneInspector_breaksTheStandard() {
        InspectionReport alone = new InspectionReport(UUID.randomUUID(), Instant.parse("2026-11-21T02:00:00Z"),
                PROCEDURE, "SW-HF-SCJ检〔2026〕5号", "SW-HF-SCJ", "C4415-SCJ-J001", "441521", 1,
                InspectionReport.Result.NO_PROBLEM, InspectionOrigin.COMPLAINT, "汕尾市海滨餐饮有限公司", true,
                "91441500MA4W123454", DAY, DAY, null, List.of("4415-hf-officer-1"));

        assertThat(SCHEMAS.problems(ProcedureRecords.record(alone, "海丰县市场监督管理局", AUTHORITY)))
                .anySatisfy(p -> assertThat(p).contains("officerCertificates"));
    }
}
