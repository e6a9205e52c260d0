package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.ExcludedPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * The penalty decision is due within the domain's natural days of filing (立案), plus the approved extension;
 * 中止, hearing, announcement and testing time are excluded.
 */
// 行政处罚法 art. 60 (90 days); 市场监督管理行政处罚程序规定 art. 64 (+30 days, excluded periods)
public final class DecisionDeadline {

    /** The policy's code name. */
    public static final String NAME = "DecisionDeadline";

    private final ProcedureRuleTable rules;

    public DecisionDeadline(ProcedureRuleTable rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param filedOn  the day the case was filed (立案, not counted)
     * @param extended whether the extension has been approved
     * @param excluded 中止, hearing, announcement, testing and appraisal time
     */
    public Deadline due(WorkingDayCalendar calendar, EnforcementDomain domain, LocalDate filedOn, boolean extended,
                        Collection<ExcludedPeriod> excluded) {
        ProcedureRules r = rules.rulesFor(domain);
        int days = r.decisionDays() + (extended ? r.decisionExtensionDays() : 0);
        return new DeadlineRule(NAME, "作出行政处罚决定 (penalty decision)", r.decisionArticle(),
                LegalPeriod.days(days)).from(calendar, filedOn, excluded);
    }

    /** Whether the domain allows an extension at all. */
    public boolean extensionAllowed(EnforcementDomain domain) {
        return rules.rulesFor(domain).decisionExtensionDays() > 0;
    }
}
