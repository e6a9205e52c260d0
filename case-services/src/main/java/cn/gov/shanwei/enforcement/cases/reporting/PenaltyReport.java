package cn.gov.shanwei.enforcement.cases.reporting;

import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.domain.penalty.DecisionChange;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.DecisionChanged;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.DecisionServed;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.LeadRegistered;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PenaltyDecided;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.SanctionsDecided;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.SummaryPenaltyImposed;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.penalty.Sanction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A reportable moment of a 行政处罚 case, with the decision as the province's data standard describes it (处罚结果
 * information: the 双公示 fields). Built in the transaction of the case step that caused it.
 *
 * <p>Which steps are reportable (ADR 0310): the standard's 处罚 record is the decision, so a decision (ordinary or on
 * the spot) is reported as version 1 of the case's record, a change or revocation as the next version; service
 * starts the publication (双公示). Filing and closure carry none of the standard's fields and are not reported.
 *
 * @param moment         what happened
 * @param eventId        the case event that caused the report (the report's idempotency derives from it)
 * @param eventAt        when that event was recorded
 * @param caseId         the case
 * @param caseNumber     案件编号
 * @param subjectId      the enforcement subject (处罚机关)
 * @param matterCode     事项编码, the legal purpose of the provincial calls
 * @param regionCode     six-digit 行政区划代码 of the place of the case
 * @param version        the record's version: 1 for the decision, +1 per change
 * @param decisionNumber 处罚决定书文号
 * @param sanctions      the penalties decided, at least one
 * @param facts          违法事实
 * @param legalBasis     处罚依据 (the matter's law and article)
 * @param partyName      当事人名称
 * @param organisation   whether the party is an organisation
 * @param partyUscc      统一社会信用代码 of an organisation; null for a person (a personal id number is never reported)
 * @param fineFen        total fine in fen (0 when none)
 * @param decidedOn      the decision's date
 * @param summary        decided on the spot (简易程序): reported, never published
 * @param change         the change, when {@code moment} is CHANGED
 * @param changeReason   its reasons, when {@code moment} is CHANGED
 * @param changedOn      its date, when {@code moment} is CHANGED
 */
public record PenaltyReport(Moment moment, UUID eventId, Instant eventAt, UUID caseId, String caseNumber,
                            String subjectId, String matterCode, String regionCode, int version,
                            String decisionNumber, List<Sanction> sanctions, String facts, String legalBasis,
                            String partyName, boolean organisation, String partyUscc, long fineFen,
                            LocalDate decidedOn, boolean summary, DecisionChange change, String changeReason,
                            LocalDate changedOn) {

    /** The reportable moments. */
    public enum Moment {
        /** 作出处罚决定 (or a summary penalty): the record's first version is pushed. */
        DECIDED,
        /** 送达: the decision is published (双公示) within 7 working days of the decision. */
        SERVED,
        /** 变更/撤销/确认违法/确认无效: a new version is pushed and a publication is withdrawn within 3 working days. */
        CHANGED
    }

    public PenaltyReport {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(caseId, "caseId");
        sanctions = List.copyOf(sanctions);
    }

    /** Whether the record this version describes is withdrawn (the decision no longer stands). */
    public boolean withdrawsRecord() {
        return change == DecisionChange.REVOKED || change == DecisionChange.CONFIRMED_INVALID;
    }

    /** The decision's result in words, e.g. "罚款 15000.00 元; 没收 …". */
    public String result() {
        return sanctions.stream().map(Sanction::describe).collect(Collectors.joining("; "));
    }

    /** The principal penalty: the first one decided. */
    public PenaltyKind principalKind() {
        return sanctions.get(0).kind();
    }

    /**
     * The reports of the events just committed to {@code loaded}: empty for any step that is not reportable, or
     * for a decision that imposes no penalty (不予处罚, 移送).
     */
    public static List<PenaltyReport> of(LoadedCase loaded, List<PenaltyCaseEvent> committed) {
        List<PenaltyReport> reports = new ArrayList<>();
        for (PenaltyCaseEvent event : committed) {
            Moment moment = event instanceof DecisionChanged ? Moment.CHANGED
                    : event instanceof DecisionServed ? Moment.SERVED
                    : event instanceof PenaltyDecided || event instanceof SanctionsDecided
                    || event instanceof SummaryPenaltyImposed ? Moment.DECIDED : null;
            if (moment != null) {
                build(loaded, moment, event).ifPresent(reports::add);
            }
        }
        return reports;
    }

    private static Optional<PenaltyReport> build(LoadedCase loaded, Moment moment, PenaltyCaseEvent cause) {
        PenaltyCase c = loaded.aggregate();
        if (c.sanctions().isEmpty()) {
            return Optional.empty();
        }
        String facts = null;
        String decisionNumber = null;
        LocalDate decidedOn = null;
        boolean summary = false;
        int changes = 0;
        for (PenaltyCaseEvent e : loaded.record().events()) {
            if (e instanceof LeadRegistered l) {
                facts = l.facts();
            } else if (e instanceof SummaryPenaltyImposed s) {
                facts = s.facts();
                decidedOn = s.decidedOn();
                decisionNumber = c.number().value();
                summary = true;
            } else if (e instanceof PenaltyDecided d) {
                decisionNumber = d.decisionNumber();
                decidedOn = d.decidedOn();
            } else if (e instanceof SanctionsDecided d) {
                decisionNumber = d.decisionNumber();
                decidedOn = d.decidedOn();
            } else if (e instanceof DecisionChanged) {
                changes++;
            }
        }
        if (decisionNumber == null) {
            return Optional.empty();
        }
        DecisionChanged change = cause instanceof DecisionChanged d ? d : null;
        Party party = c.party();
        boolean organisation = party.kind() == Party.Kind.ORGANISATION;
        return Optional.of(new PenaltyReport(moment, cause.eventId(), cause.at(), loaded.row().id(),
                loaded.row().caseNumber(), c.subject().value(), c.matter().code().value(),
                c.place().value().substring(0, 6), 1 + changes, decisionNumber, c.sanctions(), facts,
                c.matter().basis().toString(), party.name(), organisation, organisation ? party.idNumber() : null,
                c.fineFen(), decidedOn, summary, change == null ? null : change.change(),
                change == null ? null : change.reason(), change == null ? null : change.changedOn()));
    }

    @Override
    public String toString() {
        return "PenaltyReport[" + moment + ", case=" + caseNumber + ", version=" + version + "]";
    }
}
