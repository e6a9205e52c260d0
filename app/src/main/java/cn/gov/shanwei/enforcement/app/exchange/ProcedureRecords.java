package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordType;
import cn.gov.shanwei.enforcement.cases.reporting.InspectionReport;
import cn.gov.shanwei.enforcement.cases.reporting.MeasureReport;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * A coercive measure's or an inspection's reportable moment in the province's 强制 / 检查 record shape
 * ({@code contracts/exchange/coercion-record.schema.json}, {@code inspection-record.schema.json}; ADR 0514). The
 * record id is the procedure id with {@code :COERCION} or {@code :INSPECTION}; each reportable step is a new version.
 */
public final class ProcedureRecords {

    private ProcedureRecords() {
    }

    /** The record id of a measure's record. */
    public static String measureRecordId(UUID procedureId) {
        return procedureId + ":COERCION";
    }

    /** The record id of an inspection's record. */
    public static String inspectionRecordId(UUID procedureId) {
        return procedureId + ":INSPECTION";
    }

    /** The record version a measure's report describes. */
    public static ExchangeRecord record(MeasureReport report, String authorityName, String authorityCode) {
        ObjectNode data = RecordEnvelopes.JSON.createObjectNode()
                .put("measureNumber", report.decisionNumber())
                .put("measureType", measureType(report.kind()))
                .put("partyName", TextCut.withEllipsis(report.partyName(), 200))
                .put("partyType", report.organisation() ? "ORGANISATION" : "PERSON");
        if (report.organisation()) {
            data.put("partyUscc", report.partyUscc());
        }
        data.put("legalBasis", TextCut.withEllipsis(report.legalBasis(), 2000))
                .put("startDate", report.startDate().toString())
                .put("endDate", report.endDate().toString())
                .put("authorityName", TextCut.withEllipsis(authorityName, 200))
                .put("authorityCode", authorityCode)
                .put("regionCode", report.regionCode())
                .put("measureStatus", switch (report.moment()) {
                    case DECIDED -> "IN_FORCE";
                    case EXTENDED -> "EXTENDED";
                    case RELEASED -> "RELEASED";
                    case DISPOSED -> "DISPOSED";
                });
        if (report.endedOn() != null) {
            data.put("endedOn", report.endedOn().toString());
        }
        return new ExchangeRecord(measureRecordId(report.procedureId()), RecordType.COERCION, report.version(),
                report.eventAt(), false, data);
    }

    /** The record version an inspection's report describes. */
    public static ExchangeRecord record(InspectionReport report, String authorityName, String authorityCode) {
        ObjectNode data = RecordEnvelopes.JSON.createObjectNode()
                .put("inspectionNumber", report.caseNumber())
                .put("inspectionType", inspectionType(report.origin()))
                .put("matterCode", report.matterCode())
                .put("subjectName", TextCut.withEllipsis(report.entityName(), 200));
        if (report.organisation()) {
            data.put("subjectUscc", report.entityUscc());
        }
        data.put("inspectedOn", report.inspectedOn().toString())
                .put("outcome", report.result().name())
                .put("concludedOn", report.concludedOn().toString());
        if (report.rectificationDueOn() != null) {
            data.put("rectificationDueOn", report.rectificationDueOn().toString());
        }
        report.officerCertificates().forEach(data.putArray("officerCertificates")::add);
        data.put("authorityName", TextCut.withEllipsis(authorityName, 200))
                .put("authorityCode", authorityCode)
                .put("regionCode", report.regionCode());
        return new ExchangeRecord(inspectionRecordId(report.procedureId()), RecordType.INSPECTION, report.version(),
                report.eventAt(), false, data);
    }

    /** The standard's 强制措施种类. */
    static String measureType(CoercionKind kind) {
        return switch (kind) {
            case SEAL_UP -> "SEAL_UP";
            case SEIZURE -> "SEIZE";
            case FREEZE -> "FREEZE";
        };
    }

    /** The standard's 检查类型 of why an inspection took place. */
    static String inspectionType(InspectionOrigin origin) {
        return switch (origin) {
            case RANDOM_DRAW -> "RANDOM";
            case PLANNED_CAMPAIGN -> "SPECIAL";
            case COMPLAINT -> "COMPLAINT";
            case REFERRAL, DATA_MONITORING -> "OTHER";
        };
    }
}
