package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a penalty case (行政处罚案件), in order. Every event carries its id, the instant it was recorded
 * and the case number; dates an officer states (served on, paid on) are separate fields.
 */
public sealed interface PenaltyCaseEvent {

    /** Unique id of the event. */
    UUID eventId();

    /** When it was recorded (from the injected clock). */
    Instant at();

    /** The case it belongs to. */
    CaseNumber caseNumber();

    /** 案源登记: a lead was registered under the matter version in force. */
    record LeadRegistered(UUID eventId, Instant at, CaseNumber caseNumber, SubjectId subject, MatterVersion matter,
                          Party party, RegionCode place, LocalDate discoveredOn, String facts)
            implements PenaltyCaseEvent { }

    /** 简易程序: a warning or small fine imposed on the spot (行政处罚法 art. 51). */
    record SummaryPenaltyImposed(UUID eventId, Instant at, CaseNumber caseNumber, SubjectId subject,
                                 MatterVersion matter, Party party, RegionCode place, LocalDate decidedOn,
                                 PenaltyKind kind, long fineFen, List<OfficerId> officers, String facts)
            implements PenaltyCaseEvent {
        public SummaryPenaltyImposed {
            officers = frozen(officers);
        }
    }

    /** 立案. */
    record CaseFiled(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate filedOn, OfficerId approvedBy)
            implements PenaltyCaseEvent { }

    /**
     * 立案核查: what the province said about the party (人口库 or 法人库) and about the party's licence named at filing,
     * recorded just before {@link CaseFiled} in the same commit. A filing whose checks failed is not recorded at all.
     *
     * @param partyCheck   the base library's answer
     * @param licenceCheck the verified licence, or null when none was named
     */
    record FilingChecked(UUID eventId, Instant at, CaseNumber caseNumber, PartyCheck partyCheck,
                         LicenceCheck licenceCheck) implements PenaltyCaseEvent { }

    /** 不予立案; the case ends. */
    record FilingDeclined(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate declinedOn, String reason)
            implements PenaltyCaseEvent { }

    /** A period (filing or decision) was extended with approval. */
    record PeriodExtended(UUID eventId, Instant at, CaseNumber caseNumber, String rule, OfficerId approvedBy,
                          String reason) implements PenaltyCaseEvent { }

    /** The case was marked as major (重大: public interest, complex), so legal review is required (art. 58). */
    record MarkedMajor(UUID eventId, Instant at, CaseNumber caseNumber, String reason) implements PenaltyCaseEvent { }

    /** An evidence item was taken by two certified officers. */
    record EvidenceRecorded(UUID eventId, Instant at, CaseNumber caseNumber, String evidenceId, String description,
                            Sm3 digest, Instant collectedAt, String collectedWhere, List<OfficerId> officers,
                            List<String> certificateNumbers) implements PenaltyCaseEvent {
        public EvidenceRecorded {
            officers = frozen(officers);
            certificateNumbers = frozen(certificateNumbers);
        }
    }

    /**
     * 粤政图 placed an evidence item (or found no place for what was given): recorded with the upload when the map
     * answered at once, else later, when the hub's durable request got its answer (ADR 0513).
     */
    record EvidenceLocated(UUID eventId, Instant at, CaseNumber caseNumber, String evidenceId,
                           EvidenceLocation location) implements PenaltyCaseEvent { }

    /** 行政处罚事先告知: facts, grounds, intended penalty and rights (陈述、申辩, hearing) were notified. */
    record PenaltyIntended(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate servedOn, PenaltyKind kind,
                           long fineFen, String circumstance, boolean hearingRight) implements PenaltyCaseEvent { }

    /** The party asked for a hearing. */
    record HearingRequested(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate requestedOn)
            implements PenaltyCaseEvent { }

    /** The hearing notice was served. */
    record HearingNoticeServed(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate servedOn,
                               LocalDate hearingDay) implements PenaltyCaseEvent { }

    /** The hearing took place. */
    record HearingHeld(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate heldOn, String record)
            implements PenaltyCaseEvent { }

    /** 法制审核 finished; only an approving review allows a decision. */
    record LegalReviewCompleted(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate reviewedOn,
                                String reviewer, boolean approved, String opinion) implements PenaltyCaseEvent { }

    /** 集体讨论 of the authority's heads. */
    record CollectiveDiscussionHeld(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate heldOn,
                                    String conclusion) implements PenaltyCaseEvent { }

    /** 行政处罚决定. */
    record PenaltyDecided(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate decidedOn, String decisionNumber,
                          PenaltyKind kind, long fineFen, String circumstance) implements PenaltyCaseEvent { }

    /**
     * 电子签章: the decision document (行政处罚决定书, OFD) was sealed by the provincial seal service and the hub verified
     * the seal; {@code verification} summarises the checks that passed.
     */
    record DecisionSealed(UUID eventId, Instant at, CaseNumber caseNumber, String decisionNumber, Sm3 documentDigest,
                          String sealId, String verification) implements PenaltyCaseEvent { }

    /** 送达. */
    record DecisionServed(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate servedOn, String method,
                          String recipient) implements PenaltyCaseEvent { }

    /** 双公示: the decision was published. */
    record DecisionPublished(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate publishedOn)
            implements PenaltyCaseEvent { }

    /** 暂缓或者分期缴纳 approved (art. 66); one instalment with a later day is a deferral. */
    record PaymentPlanApproved(UUID eventId, Instant at, CaseNumber caseNumber, List<PlannedInstalment> instalments)
            implements PenaltyCaseEvent {
        public PaymentPlanApproved {
            instalments = frozen(instalments);
        }
    }

    /** A payment arrived: part of the fine and the surcharge due with it. */
    record FinePaid(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate paidOn, long fineFen,
                    long surchargeFen) implements PenaltyCaseEvent { }

    /** 申请人民法院强制执行 (行政强制法 art. 53–54). */
    record CourtEnforcementApplied(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate appliedOn,
                                   LocalDate reminderServedOn) implements PenaltyCaseEvent { }

    /** 中止. */
    record CaseSuspended(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate suspendedOn, String reason)
            implements PenaltyCaseEvent { }

    /** 恢复. */
    record CaseResumed(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate resumedOn)
            implements PenaltyCaseEvent { }

    /** 结案. */
    record CaseClosed(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate closedOn, String summary)
            implements PenaltyCaseEvent { }

    /** 归档. */
    record CaseArchived(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate archivedOn)
            implements PenaltyCaseEvent { }

    /**
     * 事先告知 of one or more penalties (e.g. a fine and a confiscation, or a licence revocation), with the hearing right
     * and its ground ("" when there is none).
     */
    record SanctionsIntended(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate servedOn,
                             List<Sanction> sanctions, String circumstance, boolean hearingRight, String hearingGround)
            implements PenaltyCaseEvent {
        public SanctionsIntended {
            sanctions = frozen(sanctions);
        }
    }

    /** The party's statement and defence (陈述、申辩) was recorded; {@code complete} when the party said it is done. */
    record StatementRecorded(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate receivedOn, String statement,
                             boolean complete) implements PenaltyCaseEvent { }

    /** 行政处罚决定 of one or more penalties. */
    record SanctionsDecided(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate decidedOn,
                            String decisionNumber, List<Sanction> sanctions, String circumstance)
            implements PenaltyCaseEvent {
        public SanctionsDecided {
            sanctions = frozen(sanctions);
        }
    }

    /** The filing or decision clock stopped for an announcement or for testing, while the case goes on. */
    record ClockStopped(UUID eventId, Instant at, CaseNumber caseNumber, ClockStop kind, LocalDate stoppedOn,
                        String reason) implements PenaltyCaseEvent { }

    /** The announcement or testing ended; the clock runs again. */
    record ClockRestarted(UUID eventId, Instant at, CaseNumber caseNumber, ClockStop kind, LocalDate restartedOn)
            implements PenaltyCaseEvent { }

    /** The decision was changed, revoked, or confirmed unlawful or invalid, by {@code by} (复议决定书, 判决书, 自行纠正). */
    record DecisionChanged(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate changedOn, DecisionChange change,
                           String by, String reason) implements PenaltyCaseEvent { }

    /** 双公示: the published decision was withdrawn and the reasons made public (行政处罚法 art. 48(2)). */
    record PublicationWithdrawn(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate withdrawnOn,
                                String explanation) implements PenaltyCaseEvent { }

    /**
     * An event's list as an unmodifiable copy (nulls kept, as stored events may hold them): events are values, shared
     * by every replay of a case once read (ADR 0525), so nothing may change them after they are made.
     */
    private static <T> List<T> frozen(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** One instalment of an approved plan. */
    record PlannedInstalment(long amountFen, LocalDate dueOn) { }
}
