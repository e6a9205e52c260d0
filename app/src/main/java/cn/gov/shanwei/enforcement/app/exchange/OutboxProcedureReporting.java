package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.reporting.InspectionReport;
import cn.gov.shanwei.enforcement.cases.reporting.MeasureReport;
import cn.gov.shanwei.enforcement.cases.reporting.ProcedureReport;
import cn.gov.shanwei.enforcement.cases.reporting.ProcedureReporting;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.util.List;
import java.util.Objects;

/**
 * The case platform's {@link ProcedureReporting} port over the durable outbox (ADR 0514), in the transaction of the
 * step: each reportable step of a coercive measure (决定, 延长, 解除, 处理) or an inspection (检查结果) pushes the
 * procedure's record version ({@code exchange.push-record}, key {@code exchange-push-<event id>}), like a penalty
 * decision (ADR 0310). A record that breaks the standard refuses the step at once, naming the field.
 */
public class OutboxProcedureReporting implements ProcedureReporting {

    private final ExchangePushes pushes;
    private final Authorities authorities;
    private final String systemId;

    public OutboxProcedureReporting(ExchangePushes pushes, AdministrationService registry,
                                    ExchangeProperties properties, String systemId) {
        this.pushes = Objects.requireNonNull(pushes, "pushes");
        this.authorities = new Authorities(registry, properties);
        this.systemId = Objects.requireNonNull(systemId, "systemId");
    }

    @Override
    public void report(ProcedureReport report, OfficerId by) {
        String name = authorities.name(report.subjectId());
        ExchangeRecord record = report instanceof MeasureReport m
                ? ProcedureRecords.record(m, name, authorities.code(m.subjectId(), "强制 record"))
                : ProcedureRecords.record((InspectionReport) report, name,
                authorities.code(report.subjectId(), "检查 record"));
        CallContext context = new CallContext(systemId, by.value(), report.caseNumber(), report.matterCode(),
                "exchange-push-" + report.eventId(), null);
        try {
            pushes.enqueue(List.of(record), context);
        } catch (AdapterValidationException e) {
            throw new DomainValidationException("exchange." + e.field(), "the " + record.type() + " record "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "OutboxProcedureReporting[" + ExchangeClient.PROVIDER + "]";
    }
}
