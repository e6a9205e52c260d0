package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordType;
import cn.gov.shanwei.enforcement.cases.reporting.PenaltyReport;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A case's decision in the province's 处罚 record shape ({@code contracts/exchange/penalty-record.schema.json}, the
 * 双公示 fields). The record id is the case id with {@code :PENALTY}; each change of the decision is a new version.
 * Long texts are cut to the standard's limits (facts 4000, result 2000 characters) with a trailing "…".
 */
public final class PenaltyRecords {

    private PenaltyRecords() {
    }

    /** The record id of a case's penalty record. */
    public static String recordId(java.util.UUID caseId) {
        return caseId + ":PENALTY";
    }

    /** The record version {@code report} describes. */
    public static ExchangeRecord record(PenaltyReport report, String authorityName, String authorityCode) {
        return new ExchangeRecord(recordId(report.caseId()), RecordType.PENALTY, report.version(), report.eventAt(),
                report.withdrawsRecord(), data(report, authorityName, authorityCode));
    }

    /** The decision's fields, as pushed and as published (双公示). */
    public static ObjectNode data(PenaltyReport report, String authorityName, String authorityCode) {
        ObjectNode data = RecordEnvelopes.JSON.createObjectNode()
                .put("decisionNumber", report.decisionNumber())
                .put("penaltyCategory", category(report.principalKind()))
                .put("facts", TextCut.withEllipsis(report.facts() == null || report.facts().isBlank()
                        ? report.result() : report.facts(), 4000))
                .put("legalBasis", TextCut.withEllipsis(report.legalBasis(), 2000))
                .put("partyName", TextCut.withEllipsis(report.partyName(), 200))
                .put("partyType", report.organisation() ? "ORGANISATION" : "PERSON");
        if (report.organisation()) {
            data.put("partyUscc", report.partyUscc());
        }
        data.put("result", TextCut.withEllipsis(report.result(), 2000));
        if (report.fineFen() > 0) {
            data.put("fineFen", report.fineFen());
        }
        return data.put("decisionDate", report.decidedOn().toString())
                .put("authorityName", TextCut.withEllipsis(authorityName, 200))
                .put("authorityCode", authorityCode)
                .put("regionCode", report.regionCode());
    }

    /** The standard's 处罚类别 of a penalty kind. */
    static String category(PenaltyKind kind) {
        return switch (kind) {
            case WARNING -> "WARNING";
            case FINE -> "FINE";
            case CONFISCATION -> "CONFISCATION";
            case LICENCE_SUSPENSION, SUSPENSION_OF_BUSINESS -> "SUSPENSION";
            case LICENCE_REVOCATION -> "REVOCATION";
            case BUSINESS_RESTRICTION, EMPLOYMENT_RESTRICTION -> "RESTRICTION";
            case CRITICISM, QUALIFICATION_DOWNGRADE, CLOSURE, NO_PENALTY, TRANSFER -> "OTHER";
        };
    }
}
