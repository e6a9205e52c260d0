package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordSchemas;
import cn.gov.shanwei.enforcement.cases.reporting.PenaltyReport;
import cn.gov.shanwei.enforcement.domain.penalty.DecisionChange;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.penalty.Sanction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's decision in the province's 处罚 record shape, validated against the contract's JSON Schema. */
class PenaltyRecordsTest {

    static final RecordSchemas SCHEMAS = ExchangeProvider.loadSchemas();
    static final UUID CASE = UUID.fromString("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    static PenaltyReport report(boolean organisation, List<Sanction> sanctions, String facts, DecisionChange change) {
        return new PenaltyReport(change == null ? PenaltyReport.Moment.DECIDED : PenaltyReport.Moment.CHANGED,
                UUID.randomUUID(), Instant.parse("2026-11-20T02:00:00Z"), CASE, "SW-HF-SCJ〔2026〕7号", "SW-HF-SCJ",
                "C4415-SCJ-0001", "441521", change == null ? 1 : 2, "海市监罚〔2026〕7号", sanctions, facts,
                "《中华人民共和国食品安全法》 第一百二十六条", organisation ? "汕尾市海滨餐饮有限公司" : "陈小海", organisation,
                organisation ? "91441500MA4W123454" : null,
                sanctions.stream().filter(s -> s.kind() == PenaltyKind.FINE).mapToLong(Sanction::amountFen).sum(),
                LocalDate.of(2026, 11, 20), false, change, change == null ? null : "复议撤销",
                change == null ? null : LocalDate.of(2026, 11, 25));
    }

    @Test
    void anOrganisationsFine_isAValidPenaltyRecord() {
        ExchangeRecord record = PenaltyRecords.record(report(true, List.of(Sanction.fine(1_500_000),
                Sanction.confiscation(20_000, "过期食品")), "销售过期食品", null), "海丰县市场监督管理局", "11441500MB2C93150X");

        assertThat(SCHEMAS.problems(record)).isEmpty();
        assertThat(record.recordId()).isEqualTo(CASE + ":PENALTY");
        assertThat(record.version()).isEqualTo(1);
        assertThat(record.deleted()).isFalse();
        assertThat(record.data().path("penaltyCategory").asText()).isEqualTo("FINE");
        assertThat(record.data().path("fineFen").asLong()).isEqualTo(1_500_000);
        assertThat(record.data().path("partyUscc").asText()).isEqualTo("91441500MA4W123454");
        assertThat(record.data().path("result").asText()).contains("fine").contains("confiscation");
    }

    @Test
    void aPersonsRecord_carriesNoIdNumber_andLongFactsAreCutToTheStandard() {
        ExchangeRecord record = PenaltyRecords.record(report(false, List.of(Sanction.of(PenaltyKind.WARNING, "")),
                "事实".repeat(3000), null), "海丰县市场监督管理局", "11441500MB2C93150X");

        assertThat(SCHEMAS.problems(record)).isEmpty();
        assertThat(record.data().has("partyUscc")).isFalse();
        assertThat(record.data().has("fineFen")).isFalse();
        assertThat(record.data().path("partyType").asText()).isEqualTo("PERSON");
        assertThat(record.data().path("facts").asText()).hasSize(4000).endsWith("…");
    }

    @Test
    void aLongFactWithACharacterOutsideTheBmpAtTheCut_keepsTheCharacterWhole() {
        // 𠮷 (U+20BB7) is two UTF-16 units; here its first unit is the 3,999th: a plain cut would split it.
        String ji = new String(Character.toChars(0x20BB7));
        ExchangeRecord record = PenaltyRecords.record(report(false, List.of(Sanction.of(PenaltyKind.WARNING, "")),
                "事".repeat(3998) + ji + "事".repeat(100), null), "海丰县市场监督管理局", "11441500MB2C93150X");

        String facts = record.data().path("facts").asText();
        assertThat(SCHEMAS.problems(record)).isEmpty();
        assertThat(facts).hasSize(3999).endsWith("事…");
        assertThat(facts.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                .count()).as("no half character").isZero();
    }

    @Test
    void aRevocation_isTheNextVersion_withdrawingTheRecord() {
        ExchangeRecord record = PenaltyRecords.record(report(true, List.of(Sanction.fine(100_000)), "x",
                DecisionChange.REVOKED), "海丰县市场监督管理局", "11441500MB2C93150X");
        ExchangeRecord changed = PenaltyRecords.record(report(true, List.of(Sanction.fine(100_000)), "x",
                DecisionChange.CHANGED), "海丰县市场监督管理局", "11441500MB2C93150X");

        assertThat(record.version()).isEqualTo(2);
        assertThat(record.deleted()).isTrue();
        assertThat(changed.deleted()).isFalse();
        assertThat(SCHEMAS.problems(record)).isEmpty();
    }

    @Test
    void everyPenaltyKind_mapsToACategoryOfTheStandard() {
        Arrays.stream(PenaltyKind.values()).filter(PenaltyKind::isPenalty).forEach(kind -> {
            ExchangeRecord record = PenaltyRecords.record(report(true, List.of(kind == PenaltyKind.FINE
                    ? Sanction.fine(100) : kind == PenaltyKind.CONFISCATION ? Sanction.confiscation(100, "物品")
                    : Sanction.of(kind, "")), "x", null), "机关", "11441500MB2C93150X");
            assertThat(SCHEMAS.problems(record)).as(kind.name()).isEmpty();
        });
    }

    @Test
    void aWrongAuthorityCode_breaksTheSchema() {
        ExchangeRecord record = PenaltyRecords.record(report(true, List.of(Sanction.fine(100)), "x", null), "机关",
                "not-a-uscc");
        assertThat(SCHEMAS.problems(record)).anySatisfy(p -> assertThat(p).contains("authorityCode"));
    }
}
