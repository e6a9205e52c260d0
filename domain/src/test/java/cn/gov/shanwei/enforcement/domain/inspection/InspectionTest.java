package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyLead;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import cn.gov.shanwei.enforcement.domain.record.CaseRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static cn.gov.shanwei.enforcement.domain.inspection.InspectionFixture.DRAWN_SHOP;
import static cn.gov.shanwei.enforcement.domain.inspection.InspectionFixture.HEAD;
import static cn.gov.shanwei.enforcement.domain.inspection.InspectionFixture.OTHER_SHOP;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("行政检查 (国办发〔2024〕54号)")
class InspectionTest {

    @Nested
    @DisplayName("Planning: body, inspectors, items, draw and yearly limits")
    class Planning {

        @Test
        @DisplayName("A shop drawn at random is planned with the two inspectors drawn for it, and the draw is cited")
        void plannedFromDraw() {
            InspectionFixture f = new InspectionFixture("2025-03-03").planned();
            assertThat(f.i.stage()).isEqualTo(InspectionStage.PLANNED);
            assertThat(f.i.inspectors()).containsExactly(LIN.id(), XU.id());
            assertThat(f.i.draw()).hasValueSatisfying(ref -> {
                assertThat(ref.seed()).isEqualTo(InspectionFixture.SEED);
                assertThat(ref.position()).isEqualTo(2);
                assertThat(ref.entityPoolDigest()).isEqualTo(InspectionFixture.draw().entityPoolDigest());
            });
        }

        @Test
        @DisplayName("An inspector who was not drawn cannot take the drawn inspector's place")
        void onlyDrawnInspectors() {
            InspectionFixture f = new InspectionFixture("2025-03-03");
            Outcome<InspectionEvent> o = f.planDrawn(List.of(LIN, CHEN), 0);
            assertThat(o.reason()).isEqualTo("the inspectors drawn for this inspection are [o-lin, o-xu]; others may "
                    + "not take their place (国办发〔2024〕54号)");
        }

        @Test
        @DisplayName("A shop that was not drawn cannot be inspected under the draw")
        void onlyDrawnEntities() {
            InspectionFixture f = new InspectionFixture("2025-03-03");
            Outcome<InspectionEvent> o = Inspection.planFromDraw(f.ctx(), directory(), f.rules, HAIFENG_MARKET,
                    FOOD_BUSINESS_CHECK_V1, InspectionFixture.draw(), f.target(OTHER_SHOP), List.of(LIN, XU), 0);
            assertThat(o.reason()).isEqualTo("海城镇某餐馆 was not drawn in 海市监随机〔2025〕3号");
        }

        @Test
        @DisplayName("Only a published inspection item in force may be inspected")
        void publishedItemsOnly() {
            InspectionFixture f = new InspectionFixture("2025-03-03");
            assertThat(f.complaintRefusal(FOOD_LICENCE_V1, List.of(CHEN, LIN)))
                    .isEqualTo("matter 440100-CF-SP-0001 is not a published inspection item");
            assertThat(f.complaintRefusal(FOOD_BUSINESS_CHECK_V1.withStatus(MatterStatus.SUSPENDED, d("2025-01-01")),
                    List.of(CHEN, LIN))).contains("is not in force on 2025-03-03; only published items may be inspected");
        }

        @Test
        @DisplayName("Two certified inspectors of the inspecting body are needed")
        void twoCertifiedInspectors() {
            InspectionFixture f = new InspectionFixture("2025-03-03");
            assertThat(f.complaintRefusal(FOOD_BUSINESS_CHECK_V1, List.of(CHEN)))
                    .contains("at least two officers").contains("国办发〔2024〕54号");
            assertThat(f.complaintRefusal(FOOD_BUSINESS_CHECK_V1, List.of(CHEN, WU_OTHER_SUBJECT)))
                    .contains("吴丽 does not belong to the subject");
        }

        @Test
        @DisplayName("A shop already inspected once this year for the item is not inspected again under the default limit")
        void yearlyLimit() {
            InspectionFixture f = new InspectionFixture("2025-03-03");
            assertThat(f.planDrawn(List.of(LIN, XU), 1).reason()).isEqualTo("海城镇某超市 has already been inspected "
                    + "1 time(s) in 2025 for '食品经营者日常监督检查'; the yearly limit is 1 (国办发〔2024〕54号, local limit)");
            f.rules = f.rules.withYearlyLimit(FOOD_BUSINESS_CHECK, 2);
            f.opened(f.planDrawn(List.of(LIN, XU), 1));
        }

        @Test
        @DisplayName("A complaint may prompt an inspection beyond the limit, and it does not count towards it")
        void complaintsAreOutsideTheLimit() {
            InspectionFixture f = new InspectionFixture("2025-03-03");
            f.opened(f.planTargeted(FOOD_BUSINESS_CHECK_V1, InspectionOrigin.COMPLAINT, "12315 投诉: 销售过期食品",
                    DRAWN_SHOP, List.of(CHEN, LIN), 5));
            assertThat(f.i.countsTowardsYearlyLimit()).isFalse();
            assertThat(f.planTargeted(FOOD_BUSINESS_CHECK_V1, InspectionOrigin.PLANNED_CAMPAIGN, "春节食品专项检查",
                    DRAWN_SHOP, List.of(CHEN, LIN), 1).reason()).contains("yearly limit is 1");
        }

        @Test
        @DisplayName("The yearly count takes this year's carried-out and planned inspections, not cancelled or last year's")
        void countingTheYear() {
            Inspection thisYear = new InspectionFixture("2025-03-03").planned().approved().inspected().i;
            InspectionFixture cancelled = new InspectionFixture("2025-04-01").planned();
            cancelled.ok(cancelled.i.cancel(cancelled.ctx(), cancelled.today(), "企业停业"));
            Inspection lastYear = new InspectionFixture("2024-06-03").planned().i;
            assertThat(Inspection.countedInYear(List.of(thisYear, cancelled.i, lastYear), DRAWN_SHOP.idNumber(),
                    FOOD_BUSINESS_CHECK, 2025)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("On site")
    class OnSite {

        @Test
        @DisplayName("Without the head's prior approval the inspection is not carried out")
        void priorApproval() {
            InspectionFixture f = new InspectionFixture("2025-03-03").planned();
            assertThat(f.attempt(i -> i.carryOut(f.ctx(), f.rules, f.now(), List.of(LIN, XU), "x",
                    OnSiteRecord.signedByParty(Sm3.ofUtf8("x")))))
                    .isEqualTo("the head's approval is required before the inspection is carried out (国办发〔2024〕54号)");
            f.rules = new InspectionRules(1, Map.of(), Set.of(), false);
            f.inspected();
            assertThat(f.i.stage()).isEqualTo(InspectionStage.INSPECTED);
        }

        @Test
        @DisplayName("An approval dated after the visit is not prior approval")
        void approvalAfterVisit() {
            InspectionFixture f = new InspectionFixture("2025-03-03").planned();
            f.ok(f.i.approve(f.ctx(), new HeadApproval(HEAD, f.now(), "同意")));
            assertThat(f.attempt(i -> i.carryOut(f.ctx(), f.rules, f.now().minusSeconds(3600), List.of(LIN, XU), "x",
                    OnSiteRecord.signedByParty(Sm3.ofUtf8("x"))))).contains("approval is required before");
        }

        @Test
        @DisplayName("With the shop's manager away, a witness signs the inspection record")
        void witnessWhenAbsent() {
            InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved();
            assertThat(f.attempt(i -> i.carryOut(f.ctx(), f.rules, f.now(), List.of(LIN, XU), "x",
                    OnSiteRecord.partyAbsent("", Sm3.ofUtf8("x")))))
                    .isEqualTo("the party was absent: a witness must sign the on-site record (国办发〔2024〕54号; "
                            + "行政处罚法 art. 55)");
        }
    }

    @Nested
    @DisplayName("Results")
    class Results {

        @Test
        @DisplayName("No problem found: the inspection closes and nothing is due")
        void noProblem() {
            InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved().inspected();
            f.ok(f.i.concludeWithoutProblem(f.ctx(), f.today(), "未发现问题"));
            assertThat(f.i.stage()).isEqualTo(InspectionStage.CLOSED);
            assertThat(f.i.penaltyLead()).isEmpty();
            assertThat(f.attempt(i -> i.findViolation(f.ctx(), f.today(), FOOD_LICENCE, "x")))
                    .isEqualTo("cannot record a suspected violation while the inspection is closed");
        }

        @Test
        @DisplayName("Rectification ordered by a Saturday runs to the Monday, is overdue after it, and is then checked")
        void rectification() {
            InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved().inspected();
            f.ok(f.i.orderRectification(f.ctx(), f.today(), "补齐进货查验记录", d("2025-03-15")));
            assertThat(f.i.deadlines(BUNDLED, f.today())).singleElement()
                    .satisfies(dl -> assertThat(dl.dueOn()).isEqualTo(d("2025-03-17")));
            assertThat(f.i.status(BUNDLED, d("2025-03-18"))).isEqualTo(DeadlineState.OVERDUE);
            f.on("2025-03-18").ok(f.i.checkRectification(f.ctx(), f.today(), true, "已整改"));
            assertThat(f.i.stage()).isEqualTo(InspectionStage.CLOSED);
            assertThat(f.i.status(BUNDLED, f.today())).isEqualTo(DeadlineState.ON_TIME);
        }

        @Test
        @DisplayName("Not rectified: the finding becomes a penalty lead and a penalty case starts from it")
        void notRectifiedBecomesPenaltyLead() {
            InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved().inspected();
            f.ok(f.i.orderRectification(f.ctx(), f.today(), "办理食品经营许可", d("2025-03-17")));
            f.on("2025-03-20").ok(f.i.checkRectification(f.ctx(), f.today(), false, "仍无证经营"));
            assertThat(f.i.stage()).isEqualTo(InspectionStage.NOT_RECTIFIED);
            f.ok(f.i.findViolation(f.ctx(), f.today(), FOOD_LICENCE, "逾期未取得食品经营许可继续经营"));

            PenaltyLead lead = f.i.penaltyLead().orElseThrow();
            assertThat(lead.party()).isEqualTo(DRAWN_SHOP);
            assertThat(lead.discoveredOn()).isEqualTo(d("2025-03-20"));
            PenaltyContext pctx = new PenaltyContext(f.ctx().clock(), () -> TestCalendars.BUNDLED,
                    PenaltyRules.defaults(), UUID::randomUUID);
            Outcome<PenaltyCaseEvent> started = PenaltyCase.registerLead(pctx, directory(),
                    new CaseNumber("HF-2025-077"), HAIFENG_MARKET, FOOD_LICENCE_V1, lead);
            assertThat(started.reason()).isEmpty();
            PenaltyCaseEvent.LeadRegistered registered = (PenaltyCaseEvent.LeadRegistered) started.events().get(0);
            assertThat(registered.facts()).isEqualTo("逾期未取得食品经营许可继续经营 (案源: HF-JC-2025-06)");
            assertThat(registered.discoveredOn()).isEqualTo(d("2025-03-20"));

            assertThat(PenaltyCase.registerLead(pctx, directory(), new CaseNumber("HF-2025-078"), HAIFENG_MARKET,
                    SEIZE_UNSAFE_FOOD_V1, lead)
                    .reason()).isEqualTo("the lead points to matter 440100-CF-SP-0001, not 440100-QZ-SP-0001");
            assertThat(PenaltyCase.registerLead(pctx, directory(), new CaseNumber("HF-2025-079"), LUFENG_MARKET,
                    FOOD_LICENCE_V1, lead).reason()).contains("was found by haifeng-market");
        }
    }

    @Test
    @DisplayName("The inspection's events chain in the full-process record and replay rebuilds it")
    void recordAndReplay() {
        InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved().inspected();
        f.ok(f.i.orderRectification(f.ctx(), f.today(), "整改", d("2025-03-17")));
        CaseRecord<InspectionEvent> record = new CaseRecord<>();
        record.appendAll(f.i.history());
        assertThat(record.verify().intact()).isTrue();
        Inspection rebuilt = Inspection.replay(record.events());
        assertThat(rebuilt.stage()).isEqualTo(InspectionStage.RECTIFYING);
        assertThat(rebuilt.deadlines(BUNDLED, f.today())).isEqualTo(f.i.deadlines(BUNDLED, f.today()));
        assertThat(rebuilt.isApproved()).isTrue();
        assertThat(rebuilt.inspectedOn()).contains(d("2025-03-03"));
    }
}
