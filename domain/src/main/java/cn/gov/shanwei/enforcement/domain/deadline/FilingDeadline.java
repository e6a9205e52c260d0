package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.ExcludedPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * The filing decision (立案 or 不予立案) is due within the domain's working days of discovering the lead,
 * extendable once with approval; testing and appraisal time is excluded.
 */
// 市场监督管理行政处罚程序规定 art. 18 (other domains: their own rule in the ProcedureRuleTable)
public final class FilingDeadline {

    /** The policy's code name. */
    public static final String NAME = "FilingDeadline";

    private final ProcedureRuleTable rules;

    public FilingDeadline(ProcedureRuleTable rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param leadDiscoveredOn the day the lead was discovered (not counted)
     * @param extended         whether the extension has been approved
     * @param excluded         testing, appraisal and other excluded time
     */
    public Deadline due(WorkingDayCalendar calendar, EnforcementDomain domain, LocalDate leadDiscoveredOn,
                        boolean extended, Collection<ExcludedPeriod> excluded) {
        ProcedureRules r = rules.rulesFor(domain);
        int days = r.filingWorkingDays() + (extended ? r.filingExtensionWorkingDays() : 0);
        return new DeadlineRule(NAME, "作出是否立案决定 (filing decision)", r.filingArticle(),
                LegalPeriod.workingDays(days)).from(calendar, leadDiscoveredOn, excluded);
    }
}
