package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
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
 * What happened to an inspection (行政检查), in order. Every event carries its id, the instant it was recorded and
 * the inspection's case number; days and instants an officer states are separate fields.
 */
public sealed interface InspectionEvent {

    /** Unique id of the event. */
    UUID eventId();

    /** When it was recorded (from the injected clock). */
    Instant at();

    /** The inspection it belongs to. */
    CaseNumber caseNumber();

    /**
     * The inspection of {@code entity} for the published item {@code item} was planned, with its inspectors, origin
     * ({@code draw} is set for a 双随机 draw, {@code reason} for a targeted check) and the yearly count it was
     * checked against ({@code countedBefore} earlier inspections, limit {@code yearlyLimit}, whether this one counts).
     */
    record InspectionPlanned(UUID eventId, Instant at, CaseNumber caseNumber, SubjectId subject, MatterVersion item,
                             Party entity, RegionCode place, LocalDate plannedOn, InspectionOrigin origin,
                             DrawReference draw, String reason, List<OfficerId> inspectors, int countedBefore,
                             int yearlyLimit, boolean countsTowardsLimit) implements InspectionEvent { }

    /** The head approved the inspection before it was carried out. */
    record InspectionApproved(UUID eventId, Instant at, CaseNumber caseNumber, HeadApproval approval)
            implements InspectionEvent { }

    /** The inspection was carried out on site by the assigned inspectors, who showed their certificates. */
    record InspectionCarriedOut(UUID eventId, Instant at, CaseNumber caseNumber, Instant inspectedAt,
                                List<OfficerId> inspectors, List<String> certificateNumbers, String findings,
                                OnSiteRecord onSite) implements InspectionEvent { }

    /** No problem was found; the entity was told the result. */
    record NoProblemFound(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate concludedOn, String summary)
            implements InspectionEvent { }

    /** 责令限期整改: the entity must rectify {@code requirements} by {@code dueOn}. */
    record RectificationOrdered(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate orderedOn,
                                String requirements, LocalDate dueOn) implements InspectionEvent { }

    /** The follow-up check (复查) found the problems rectified, or not. */
    record RectificationChecked(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate checkedOn,
                                boolean rectified, String note) implements InspectionEvent { }

    /** A suspected violation of {@code penaltyMatter} was found: a penalty lead (案源) is handed to the penalty case. */
    record PenaltyLeadFound(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate foundOn,
                            MatterCode penaltyMatter, String facts) implements InspectionEvent { }

    /** The planned inspection was called off before it took place; it does not count towards the yearly limit. */
    record InspectionCancelled(UUID eventId, Instant at, CaseNumber caseNumber, LocalDate cancelledOn, String reason)
            implements InspectionEvent { }

    /**
     * Evidence (证据) of the inspection was collected by at least two certified inspectors; its file's SM3
     * {@code digest} was computed when it arrived.
     */
    record EvidenceRecorded(UUID eventId, Instant at, CaseNumber caseNumber, String evidenceId, String description,
                            Sm3 digest, Instant collectedAt, String collectedWhere, List<OfficerId> officers,
                            List<String> certificateNumbers) implements InspectionEvent { }

    /**
     * 粤政图 placed an evidence item (or found no place for what was given): recorded with the upload when the map
     * answered at once, else later, when the hub's durable request got its answer (ADR 0513).
     */
    record EvidenceLocated(UUID eventId, Instant at, CaseNumber caseNumber, String evidenceId,
                           EvidenceLocation location) implements InspectionEvent { }

    /**
     * The document {@code documentNumber} of kind {@code kind} (the on-site inspection record) was sealed by the seal
     * service and its seal verified by the hub; {@code documentDigest} is the SM3 of the sealed OFD.
     */
    record DocumentSealed(UUID eventId, Instant at, CaseNumber caseNumber, DocumentKind kind, String documentNumber,
                          Sm3 documentDigest, String sealId, String verification) implements InspectionEvent { }
}
