package cn.gov.shanwei.enforcement.domain.coercion;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.matter.LegalBasis;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a coercive measure (行政强制措施: 查封、扣押、冻结), in order. Every event carries its id, the instant
 * it was recorded and the measure's case number; days and instants an officer states are separate fields.
 */
public sealed interface CoerciveMeasureEvent {

    /** Unique id of the event. */
    UUID eventId();

    /** When it was recorded (from the injected clock). */
    Instant at();

    /** The measure it belongs to. */
    CaseNumber caseNumber();

    /**
     * The measure was taken: decision, list, on-site record, the officers and their certificates. {@code approval}
     * is the head's prior approval, or {@code null} when {@code urgent} (art. 19: approval follows within 24 hours).
     * {@code deliveredOn} is the day the decision reached the party, or {@code null} if it is still to be served.
     */
    record MeasureImposed(UUID eventId, Instant at, CaseNumber caseNumber, SubjectId subject, MatterVersion matter,
                          CoercionKind kind, Party party, RegionCode place, Instant imposedAt,
                          List<OfficerId> officers, List<String> certificateNumbers, List<ListedItem> items,
                          String reasons, LegalBasis basis, String remedies, String partyStatement,
                          String decisionNumber, LocalDate deliveredOn, OnSiteRecord onSite, HeadApproval approval,
                          boolean urgent) implements CoerciveMeasureEvent { }

    /** An urgent measure was reported to the head in time and approved afterwards (补办批准手续, art. 19). */
    record UrgentMeasureApproved(UUID eventId, Instant at, CaseNumber caseNumber, Instant reportedAt,
                                 HeadApproval approval) implements CoerciveMeasureEvent { }

    /** The head found that the urgent measure should not have been taken; it is released at once (art. 19). */
    record UrgentMeasureDisapproved(UUID eventId, Instant at, CaseNumber caseNumber, Instant reportedAt,
                                    OfficerId head, String reason) implements CoerciveMeasureEvent { }

    /** The decision and list were served after the measure (party absent; 冻结决定书 within 3 days, art. 31). */
    record MeasureDecisionServed(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate servedOn, String method,
                                 String recipient) implements CoerciveMeasureEvent { }

    /** The term was extended once, with the head's approval, and the party told in writing with reasons (art. 25). */
    record MeasureExtended(UUID eventId, Instant at, CaseNumber caseNumber, int extensionDays, HeadApproval approval,
                           String reason, LocalDate notifiedOn) implements CoerciveMeasureEvent { }

    /** 检测、检验、检疫或者技术鉴定 began; its planned period was told to the party in writing (art. 25(3)). */
    record TestingStarted(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate startedOn, String what,
                          LocalDate plannedUntil, LocalDate notifiedOn) implements CoerciveMeasureEvent { }

    /** Testing or appraisal ended; the measure's clock runs again from {@code finishedOn}. */
    record TestingFinished(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate finishedOn, String result)
            implements CoerciveMeasureEvent { }

    /** 解除: the measure ended and what was sealed, seized or frozen is released (art. 28, 33). */
    record MeasureReleased(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate releasedOn, ReleaseGround ground,
                           String explanation) implements CoerciveMeasureEvent { }

    /**
     * 处理决定: the measure ended by a decision on the property (art. 27), e.g. confiscation by the penalty decision
     * {@code decisionNumber} of case {@code penaltyCase}.
     */
    record MeasureDisposed(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate disposedOn, Disposal disposal,
                           CaseNumber penaltyCase, String decisionNumber) implements CoerciveMeasureEvent { }

    /**
     * Evidence (证据) about the measure was collected by at least two certified officers (行政强制法 art. 18(2)); its
     * file's SM3 {@code digest} was computed when it arrived.
     */
    record EvidenceRecorded(UUID eventId, Instant at, CaseNumber caseNumber, String evidenceId, String description,
                            Sm3 digest, Instant collectedAt, String collectedWhere, List<OfficerId> officers,
                            List<String> certificateNumbers) implements CoerciveMeasureEvent { }

    /**
     * 粤政图 placed an evidence item (or found no place for what was given): recorded with the upload when the map
     * answered at once, else later, when the hub's durable request got its answer (ADR 0513).
     */
    record EvidenceLocated(UUID eventId, Instant at, CaseNumber caseNumber, String evidenceId,
                           EvidenceLocation location) implements CoerciveMeasureEvent { }

    /**
     * The document {@code documentNumber} of kind {@code kind} was sealed by the seal service and its seal verified by
     * the hub; {@code documentDigest} is the SM3 of the sealed OFD.
     */
    record DocumentSealed(UUID eventId, Instant at, CaseNumber caseNumber, DocumentKind kind, String documentNumber,
                          Sm3 documentDigest, String sealId, String verification) implements CoerciveMeasureEvent { }

    /** The release decision (解除决定书) reached the party (行政强制法 art. 28, 33). */
    record ReleaseDecisionServed(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate servedOn, String method,
                                 String recipient) implements CoerciveMeasureEvent { }
}
