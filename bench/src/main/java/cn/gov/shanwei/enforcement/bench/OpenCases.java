package cn.gov.shanwei.enforcement.bench;

import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.CHEN;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.FOOD_LICENCE_V1;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.HAICHENG_TOWN;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.HAIFENG_MARKET;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.LIN;

/**
 * Builds realistic open penalty cases through the domain's own commands: leads, filed cases, cases with evidence,
 * notified and decided cases, spread over 2025–2026 so their deadlines fall on every kind of day.
 */
final class OpenCases {

    private static final Party SHOP = new Party(Party.Kind.ORGANISATION, "海丰县某食品店", "91441521MA0000000X");

    private final AtomicLong ids = new AtomicLong();
    private final SubjectDirectory directory = cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.directory();
    private final PenaltyRules rules = PenaltyRules.defaults();

    PenaltyRules rules() {
        return rules;
    }

    /** {@code count} open cases; case {@code i} stops at stage {@code i % 5} (lead … decided). */
    List<PenaltyCase> build(int count) {
        List<PenaltyCase> cases = new ArrayList<>(count);
        LocalDate first = LocalDate.of(2025, 1, 2);
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(i % 600);
            cases.add(caseAtStage(i, day, i % 5));
        }
        return cases;
    }

    /** One case with {@code events} events: a lead, a filing, then evidence items. */
    List<PenaltyCaseEvent> longHistory(int events) {
        LocalDate day = LocalDate.of(2025, 3, 3);
        PenaltyCase pc = lead(0, day);
        accept(pc.file(ctx(day), day, new OfficerId("o-head")));
        while (pc.history().size() < events) {
            evidence(pc, day);
        }
        return pc.history();
    }

    private PenaltyCase caseAtStage(int i, LocalDate day, int stage) {
        PenaltyCase pc = lead(i, day);
        if (stage >= 1) {
            accept(pc.file(ctx(day.plusDays(2)), day.plusDays(2), new OfficerId("o-head")));
        }
        if (stage >= 2) {
            evidence(pc, day.plusDays(5));
        }
        if (stage >= 3) {
            accept(pc.notifyIntendedPenalty(ctx(day.plusDays(20)), day.plusDays(20), PenaltyKind.FINE, 300_000, "轻微"));
        }
        if (stage >= 4) {
            accept(pc.decide(ctx(day.plusDays(40)), day.plusDays(40), "海市监罚〔2025〕" + i + "号", PenaltyKind.FINE,
                    300_000, "轻微"));
        }
        return pc;
    }

    private PenaltyCase lead(int i, LocalDate day) {
        Outcome<PenaltyCaseEvent> lead = PenaltyCase.registerLead(ctx(day), directory,
                new CaseNumber("HF-2025-" + i), HAIFENG_MARKET, FOOD_LICENCE_V1, SHOP, HAICHENG_TOWN, day, "无证经营");
        return PenaltyCase.replay(accept(lead).events());
    }

    private void evidence(PenaltyCase pc, LocalDate day) {
        accept(pc.recordEvidence(ctx(day), "E" + ids.incrementAndGet(), "现场检查笔录", Sm3.ofUtf8("photo"),
                ctx(day).now(), "海城镇红城大道 1 号", List.of(CHEN, LIN)));
    }

    private PenaltyContext ctx(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), PenaltyContext.CHINA);
        return new PenaltyContext(clock, () -> TestCalendars.BUNDLED, rules, () -> new UUID(0, ids.incrementAndGet()));
    }

    private static Outcome<PenaltyCaseEvent> accept(Outcome<PenaltyCaseEvent> outcome) {
        if (!outcome.isAccepted()) {
            throw new IllegalStateException("benchmark fixture step refused: " + outcome.reason());
        }
        return outcome;
    }
}
