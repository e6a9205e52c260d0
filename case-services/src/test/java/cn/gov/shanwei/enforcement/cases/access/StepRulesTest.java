package cn.gov.shanwei.enforcement.cases.access;

import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureCommand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Step rules: one table per command family, checked when it is made")
class StepRulesTest {

    sealed interface Steps permits Look, Sign, Stamp { }

    record Look() implements Steps { }

    record Sign() implements Steps { }

    record Stamp() implements Steps { }

    interface NotSealed { }

    @Test
    @DisplayName("Each step gets its own role and action")
    void ruleOfEachStep() {
        StepRules rules = StepRules.of(Steps.class, Map.of(Look.class, StepRules.officer("look"),
                Sign.class, StepRules.head("sign"), Stamp.class, StepRules.legalReviewer("stamp")));

        assertThat(rules.of(new Look())).isEqualTo(new StepRules.Rule(StaffRole.OFFICER, "look"));
        assertThat(rules.of(new Sign())).isEqualTo(new StepRules.Rule(StaffRole.SUBJECT_HEAD, "sign"));
        assertThat(rules.of(new Stamp())).isEqualTo(new StepRules.Rule(StaffRole.LEGAL_REVIEWER, "stamp"));
    }

    @Test
    @DisplayName("A step without a rule stops the table from being made: it would be taken by anyone")
    void stepWithoutRule() {
        assertThatThrownBy(() -> StepRules.of(Steps.class, Map.of(Look.class, StepRules.officer("look"),
                Sign.class, StepRules.head("sign"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Stamp has no role in the rules of Steps");
    }

    @Test
    @DisplayName("A rule for something that is no step of the family, or a family that is not sealed, is refused")
    void strayRuleOrOpenFamily() {
        assertThatThrownBy(() -> StepRules.of(Steps.class, Map.of(Look.class, StepRules.officer("look"),
                Sign.class, StepRules.head("sign"), Stamp.class, StepRules.head("stamp"),
                String.class, StepRules.head("write"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("String is not a step of Steps");
        assertThatThrownBy(() -> StepRules.of(NotSealed.class, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("NotSealed is not a sealed family of steps");
        StepRules rules = StepRules.of(Steps.class, Map.of(Look.class, StepRules.officer("look"),
                Sign.class, StepRules.head("sign"), Stamp.class, StepRules.head("stamp")));
        assertThatThrownBy(() -> rules.of("a string")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("The measure's, the inspection's and the penalty case's tables load, with the law's roles")
    void familiesLoad() {
        assertThat(new MeasureCommand.Extend(30, "情况复杂", LocalDate.of(2025, 3, 3)).role())
                .isEqualTo(StaffRole.SUBJECT_HEAD);
        assertThat(new MeasureCommand.Extend(30, "情况复杂", LocalDate.of(2025, 3, 3)).action())
                .isEqualTo("extend a measure");
        assertThat(new MeasureCommand.ApproveUrgent(Instant.EPOCH, "同意").role()).isEqualTo(StaffRole.SUBJECT_HEAD);
        assertThat(new MeasureCommand.FinishTesting(LocalDate.of(2025, 3, 3), "合格").role())
                .isEqualTo(StaffRole.OFFICER);
        assertThat(new InspectionCommand.Cancel(LocalDate.of(2025, 3, 3), "停业").role())
                .isEqualTo(StaffRole.SUBJECT_HEAD);
        assertThat(new InspectionCommand.NoProblem(LocalDate.of(2025, 3, 3), "无问题").action())
                .isEqualTo("record an inspection's result");
        assertThat(new PenaltyCommand.File(LocalDate.of(2025, 3, 3)).role()).isEqualTo(StaffRole.SUBJECT_HEAD);
    }
}
