package cn.gov.shanwei.enforcement.domain.record;

import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.fixtures.Fixtures;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyStage;
import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("全过程记录: SM3-chained case log, verification and replay")
class FullProcessRecordTest {

    private final AtomicLong ids = new AtomicLong();

    private PenaltyContext on(String day) {
        Instant at = LocalDate.parse(day).atTime(9, 30).toInstant(ZoneOffset.ofHours(8));
        return new PenaltyContext(Clock.fixed(at, PenaltyContext.CHINA), () -> TestCalendars.BUNDLED,
                PenaltyRules.defaults(), () -> new UUID(0, ids.incrementAndGet()));
    }

    /** A case filed, investigated and notified, its events appended to a record as a use case would. */
    private CaseRecord<PenaltyCaseEvent> recordedCase() {
        CaseRecord<PenaltyCaseEvent> record = new CaseRecord<>();
        Outcome<PenaltyCaseEvent> lead = PenaltyCase.registerLead(on("2025-03-03"), directory(), new CaseNumber("HF-9"),
                HAIFENG_MARKET, FOOD_LICENCE_V1, new Party(Party.Kind.PERSON, "张三", "441521199001011234"),
                HAICHENG_TOWN, LocalDate.parse("2025-03-03"), "无证经营 \"夜市\"\n第二行");
        record.appendAll(lead.events());
        PenaltyCase pc = PenaltyCase.replay(record.events());
        record.appendAll(pc.file(on("2025-03-04"), LocalDate.parse("2025-03-04"), new OfficerId("o-head")).events());
        record.appendAll(pc.recordEvidence(on("2025-03-05"), "E1", "现场笔录", Sm3.ofUtf8("pdf"),
                on("2025-03-05").now(), "海城镇", List.of(CHEN, LIN)).events());
        record.appendAll(pc.notifyIntendedPenalty(on("2025-03-10"), LocalDate.parse("2025-03-10"), PenaltyKind.FINE,
                600_000, "一般").events());
        return record;
    }

    @Test
    @DisplayName("An untouched record verifies, and each link carries the previous link's hash")
    void intactRecordVerifies() {
        CaseRecord<PenaltyCaseEvent> record = recordedCase();

        assertThat(record.verify().intact()).isTrue();
        List<ChainedEntry> entries = record.entries();
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).previousHash()).isEqualTo(ChainedEntry.GENESIS);
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
        assertThat(record.head()).isEqualTo(entries.get(3).hash());
    }

    @Test
    @DisplayName("Changing the stored text of entry 3 is reported as entry 3 altered")
    void alteredEntryIsNamed() {
        List<ChainedEntry> entries = new ArrayList<>(recordedCase().entries());
        ChainedEntry third = entries.get(2);
        entries.set(2, new ChainedEntry(3, third.canonical().replace("海城镇", "陆丰市"), third.previousHash(),
                third.hash()));

        ChainVerification v = ChainVerification.of(entries);

        assertThat(v.firstBroken()).hasValue(3);
        assertThat(v.problem()).isEqualTo("entry 3 was altered after it was recorded");
    }

    @Test
    @DisplayName("Re-hashing an altered entry breaks the next link instead")
    void rehashedEntryBreaksTheNextLink() {
        List<ChainedEntry> entries = new ArrayList<>(recordedCase().entries());
        ChainedEntry second = entries.get(1);
        entries.set(1, ChainedEntry.link(2, second.canonical().replace("2025-03-04", "2025-03-01"),
                second.previousHash()));

        ChainVerification v = ChainVerification.of(entries);

        assertThat(v.firstBroken()).hasValue(3);
        assertThat(v.problem()).contains("does not follow entry 2");
    }

    @Test
    @DisplayName("A removed entry is found")
    void removedEntry() {
        List<ChainedEntry> entries = new ArrayList<>(recordedCase().entries());
        entries.remove(1);
        assertThat(ChainVerification.of(entries).problem()).isEqualTo("entry 2 is missing or out of order (found 3)");
    }

    @Test
    @DisplayName("An event changed after it was recorded no longer matches its link")
    void changedEventObject() {
        CaseRecord<PenaltyCaseEvent> original = recordedCase();
        List<PenaltyCaseEvent> events = new ArrayList<>(original.events());
        PenaltyCaseEvent.PenaltyIntended notice = (PenaltyCaseEvent.PenaltyIntended) events.get(3);
        events.set(3, new PenaltyCaseEvent.PenaltyIntended(notice.eventId(), notice.at(), notice.caseNumber(),
                notice.servedOn(), notice.kind(), 100_000, notice.circumstance(), notice.hearingRight()));

        ChainVerification v = CaseRecord.restore(events, original.entries()).verify();

        assertThat(v.firstBroken()).hasValue(4);
        assertThat(v.problem()).contains("no longer matches");
    }

    @Test
    @DisplayName("Replay rebuilds the case now and as it stood at any past instant")
    void replay() {
        CaseRecord<PenaltyCaseEvent> record = recordedCase();

        PenaltyCase now = PenaltyCase.replay(record.events());
        PenaltyCase onThe4th = PenaltyCase.replayUntil(record.events(),
                LocalDate.parse("2025-03-04").atTime(23, 0).toInstant(ZoneOffset.ofHours(8)));

        assertThat(now.stage()).isEqualTo(PenaltyStage.NOTIFIED);
        assertThat(now.evidence()).hasSize(1);
        assertThat(onThe4th.stage()).isEqualTo(PenaltyStage.FILED);
        assertThat(onThe4th.evidence()).isEmpty();
    }

    @Test
    @DisplayName("The canonical form is stable text: names, escapes, nested records, lists, dates")
    void canonicalForm() {
        String text = CanonicalForm.of(recordedCase().events().get(0));
        assertThat(text).startsWith("LeadRegistered{eventId=00000000-0000-0000-0000-000000000001,"
                + "at=2025-03-03T01:30:00Z,caseNumber=CaseNumber{value=\"HF-9\"}");
        assertThat(text).contains("facts=\"无证经营 \\\"夜市\\\"\\n第二行\"");
        assertThat(text).contains("levels=[Level{circumstance=\"轻微\",minFen=0,maxFen=500000}");
        assertThat(Fixtures.MARKET.code()).isEqualTo("market-supervision");
    }
}
