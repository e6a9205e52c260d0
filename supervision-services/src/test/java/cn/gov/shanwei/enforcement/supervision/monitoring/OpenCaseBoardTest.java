package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter.AS_OF;
import static cn.gov.shanwei.enforcement.supervision.fixtures.World.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The open cases' states kept for one day: the same answers as computing every case, kept through changes. */
class OpenCaseBoardTest {

    final CaseReadModel model = SpringQuarter.model();
    final CaseSupervision supervision = new CaseSupervision(model, SpringQuarter.deadlines(model), World.registry(),
            AlertPolicy.defaults());
    final OpenCaseBoard board = OpenCaseBoard.build(model.all(), SpringQuarter.deadlines(model), AS_OF);

    @Test
    @DisplayName("the most urgent open cases from the board are those of openCases, in the same order, with the total")
    void sameAsComputingEveryCase() {
        List<LiveCaseStatus> all = supervision.openCases(CITY_JUSTICE.id(), AS_OF);
        CaseSupervision.OpenCases two = supervision.openCases(CITY_JUSTICE.id(), board, s -> true, 2);
        assertThat(two.total()).isEqualTo(all.size()).isEqualTo(4);
        assertThat(two.cases()).isEqualTo(all.subList(0, 2));
        assertThat(supervision.openCases(CITY_JUSTICE.id(), board, s -> true, 100).cases()).isEqualTo(all);
        assertThat(two.byState()).isEqualTo(Map.of(DeadlineState.OVERDUE, 2, DeadlineState.ON_TIME, 2));
        assertThat(board.stateOf(new CaseNumber("LF-D"))).contains(DeadlineState.OVERDUE);
        assertThat(board.stateOf(new CaseNumber("HF-B"))).as("closed").isEmpty();
    }

    @Test
    @DisplayName("a filter narrows to a county's or one subject's cases; the jurisdiction still applies")
    void filters() {
        CaseSupervision.OpenCases lufeng = supervision.openCases(CITY_JUSTICE.id(), board,
                LUFENG_MARKET.id()::equals, 10);
        assertThat(lufeng.cases()).extracting(s -> s.number().value()).containsExactly("LF-D", "LF-F");
        assertThat(supervision.openCases(HAIFENG_JUSTICE.id(), board, LUFENG_MARKET.id()::equals, 10).total())
                .as("陆丰 is not 海丰's").isZero();
        assertThat(supervision.openCases(CITY_JUSTICE.id(), board, s -> true, 0).cases()).isEmpty();
        assertThatThrownBy(() -> board.mostUrgent(List.of(LUFENG_MARKET.id()), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("kept up to date: a new overdue case enters first, a closed one leaves; still equal to a recomputation")
    void keptThroughChanges() {
        model.onTransition((before, after) -> board.apply(after));   // as SupervisionDesk feeds its boards
        CaseStory.lead("LF-NEW", LUFENG_MARKET, DINER, "2026-01-02").filed("2026-01-05").events()
                .forEach(model::apply);
        CaseStory.lead("HF-C", HAIFENG_MARKET, SHOP, "2026-03-30").filed("2026-04-01")
                .evidence("2026-04-02", CHEN, LIN).closed("2026-04-20").events()
                .forEach(model::apply);
        List<LiveCaseStatus> all = supervision.openCases(CITY_JUSTICE.id(), AS_OF);
        assertThat(all).extracting(s -> s.number().value()).contains("LF-NEW").doesNotContain("HF-C");
        assertThat(supervision.openCases(CITY_JUSTICE.id(), board, s -> true, 100).cases()).isEqualTo(all);
        assertThat(board.size()).isEqualTo(all.size());
        assertThat(board.day()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    @DisplayName("120 cases told in a random interleaving, asked about every few events: always as computing every case")
    void randomInterleavingStaysEqual() {
        CaseReadModel fresh = new CaseReadModel();
        OpenCaseBoard kept = OpenCaseBoard.build(fresh.all(), SpringQuarter.deadlines(fresh), AS_OF);
        fresh.onTransition((before, after) -> kept.apply(after));
        CaseSupervision sup = new CaseSupervision(fresh, SpringQuarter.deadlines(fresh), World.registry(),
                AlertPolicy.defaults());
        Random random = new Random(712);
        List<EnforcementSubject> subjects = World.enforcingSubjects();
        List<java.util.ArrayDeque<PenaltyCaseEvent>> stories = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            LocalDate day = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(100));
            CaseStory story = CaseStory.lead("R-" + i, subjects.get(random.nextInt(subjects.size())), SHOP,
                    day.toString()).filed(day.plusDays(1).toString());
            int steps = random.nextInt(4);
            if (steps >= 1) {
                story.fined(day.plusDays(10 + random.nextInt(20)).toString(), 100_000, "轻微");
            }
            if (steps >= 2) {
                story.served(day.plusDays(35).toString());
            }
            if (steps >= 3) {
                story.paidInFull(day.plusDays(40).toString()).closed(day.plusDays(41).toString());
            }
            stories.add(new java.util.ArrayDeque<>(story.events()));
        }
        int applied = 0;
        while (stories.stream().anyMatch(q -> !q.isEmpty())) {
            java.util.ArrayDeque<PenaltyCaseEvent> next = stories.get(random.nextInt(stories.size()));
            if (next.isEmpty()) {
                continue;
            }
            fresh.apply(next.poll());
            if (++applied % 7 == 0) {
                if (random.nextBoolean()) {
                    kept.settle();
                }
                for (var supervisor : List.of(CITY_JUSTICE.id(), HAIFENG_JUSTICE.id())) {
                    List<LiveCaseStatus> all = sup.openCases(supervisor, AS_OF);
                    CaseSupervision.OpenCases five = sup.openCases(supervisor, kept, s -> true, 5);
                    assertThat(five.total()).isEqualTo(all.size());
                    assertThat(five.cases()).isEqualTo(all.subList(0, Math.min(5, all.size())));
                }
            }
        }
        assertThat(sup.openCases(CITY_JUSTICE.id(), kept, s -> true, 1000).cases())
                .isEqualTo(sup.openCases(CITY_JUSTICE.id(), AS_OF)).isNotEmpty();
        assertThat(kept.size()).isEqualTo(sup.openCases(CITY_JUSTICE.id(), AS_OF).size());
    }
}
