package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.deadline.RectificationDeadline;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.*;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.officer.TwoOfficerRule;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceFile;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyLead;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.domain.record.RecordKeeping;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.gov.shanwei.enforcement.domain.inspection.InspectionStage.*;

/**
 * An administrative inspection (行政检查) of one enterprise for one published inspection item, following
 * 国办发〔2024〕54号: a lawful subject, two certified inspectors, only items published in the matter catalogue, yearly
 * frequency limits per enterprise and item, the head's prior approval where required, 双随机 draws that can be
 * reproduced, the on-site record, and a result — no problem, rectification within a time limit, or a penalty lead
 * ({@link #penaltyLead()}) from which a {@code PenaltyCase} starts.
 *
 * <p>As with {@code PenaltyCase}: state changes only by applying its own events ({@link #replay}); every command
 * checks the guard table ({@link Step}) and the rules, then returns the events it caused — already applied — or a
 * rejection that changes nothing. Not thread-safe.
 */
public final class Inspection implements RecordKeeping<InspectionEvent> {

    /** Every command and the stages in which it is lawful: the one place that guards transitions. */
    private enum Step {
        APPROVE("approve the inspection", PLANNED),
        CARRY_OUT("carry out the inspection", PLANNED),
        CANCEL("cancel the inspection", PLANNED),
        NO_PROBLEM("close the inspection without a problem", INSPECTED),
        ORDER_RECTIFICATION("order rectification", INSPECTED),
        CHECK_RECTIFICATION("record the follow-up check", RECTIFYING),
        FIND_VIOLATION("record a suspected violation", INSPECTED, RECTIFYING, NOT_RECTIFIED),
        RECORD_EVIDENCE("record evidence", INSPECTED, RECTIFYING, NOT_RECTIFIED, REFERRED, CLOSED);

        private final String action;
        private final Set<InspectionStage> allowed;

        Step(String action, InspectionStage first, InspectionStage... rest) {
            this.action = action;
            this.allowed = EnumSet.of(first, rest);
        }
    }

    /** Where the inspection rules come from, cited in rejections. */
    private static final String SOURCE = "国办发〔2024〕54号";

    private final List<InspectionEvent> history = new ArrayList<>();
    private InspectionPlanned planned;
    private InspectionStage stage;
    private HeadApproval approval;
    private LocalDate inspectedOn;
    private RectificationOrdered rectification;
    private PenaltyLeadFound lead;
    private InspectionCarriedOut carriedOut;
    private final EvidenceFile<EvidenceRecorded> evidence = new EvidenceFile<>("this inspection",
            EvidenceRecorded::evidenceId);
    private final List<DocumentSealed> sealedDocuments = new ArrayList<>();

    private Inspection() {
    }

    // ---------------------------------------------------------------- creation and replay

    /**
     * Plans the inspection of an entity drawn in the 双随机 draw {@code draw}, by the inspectors drawn for it. The draw
     * must reproduce from its seed, and {@code inspectors} must be exactly the officers it drew.
     *
     * @param countedBefore the inspections of this entity for this item in the calendar year of the planned day
     *                      that count towards the limit ({@link #countedInYear})
     */
    public static Outcome<InspectionEvent> planFromDraw(CommandContext ctx, SubjectDirectory directory,
                                                        InspectionRules rules, EnforcementSubject subject,
                                                        MatterVersion item, SpotCheckDraw draw,
                                                        InspectionTarget target, List<Officer> inspectors,
                                                        int countedBefore) {
        String entityId = target.entity().idNumber();
        Optional<String> refusal = draw.irreproducibility().map(why -> "draw " + draw.drawId() + " does not "
                + "reproduce: " + why).or(() -> draw.assignmentOf(entityId).isEmpty()
                ? Optional.of(target.entity().name() + " was not drawn in " + draw.drawId()) : Optional.empty())
                .or(() -> sameOfficers(inspectors, draw.assignmentOf(entityId).orElseThrow().inspectors(),
                        "drawn"));
        return refusal.<Outcome<InspectionEvent>>map(Outcome::rejected).orElseGet(() -> plan(ctx, directory, rules,
                subject, item, target, InspectionOrigin.RANDOM_DRAW, draw.referenceFor(entityId),
                "双随机抽查 " + draw.drawId(), inspectors, countedBefore));
    }

    /**
     * Plans a targeted inspection (a campaign, a complaint, a referral, data monitoring); {@code reason} says what
     * prompted it.
     *
     * @param countedBefore the inspections of this entity for this item in the calendar year of the planned day
     *                      that count towards the limit ({@link #countedInYear})
     */
    public static Outcome<InspectionEvent> planTargeted(CommandContext ctx, SubjectDirectory directory,
                                                        InspectionRules rules, EnforcementSubject subject,
                                                        MatterVersion item, InspectionOrigin origin, String reason,
                                                        InspectionTarget target, List<Officer> inspectors,
                                                        int countedBefore) {
        if (origin == InspectionOrigin.RANDOM_DRAW) {
            return Outcome.rejected("an inspection from a 双随机 draw is planned from the draw itself");
        }
        if (reason.isBlank()) {
            return Outcome.rejected("say what prompted a targeted inspection (campaign, complaint, referral, data)");
        }
        return plan(ctx, directory, rules, subject, item, target, origin, null, reason, inspectors, countedBefore);
    }

    private static Outcome<InspectionEvent> plan(CommandContext ctx, SubjectDirectory directory, InspectionRules rules,
                                                 EnforcementSubject subject, MatterVersion item,
                                                 InspectionTarget target, InspectionOrigin origin, DrawReference draw,
                                                 String reason, List<Officer> inspectors, int countedBefore) {
        LocalDate day = target.plannedOn();
        int limit = rules.yearlyLimit(item.code());
        boolean counts = rules.counts(origin);
        Optional<String> refusal = itemRefusal(item, day)
                .or(() -> directory.refusalToHandle(subject, item.domain(), target.place()))
                .or(() -> TwoOfficerRule.refusal(inspectors, subject.id(), item.domain(), day,
                        SOURCE + "; 行政处罚法 art. 42"))
                .or(() -> counts && countedBefore >= limit ? Optional.of(target.entity().name() + " has already been "
                        + "inspected " + countedBefore + " time(s) in " + day.getYear() + " for '" + item.name()
                        + "'; the yearly limit is " + limit + " (" + SOURCE + ", local limit)") : Optional.empty());
        return refusal.<Outcome<InspectionEvent>>map(Outcome::rejected).orElseGet(() -> Outcome.accepted(
                new InspectionPlanned(ctx.newEventId(), ctx.now(), target.number(), subject.id(), item,
                        target.entity(), target.place(), day, origin, draw, reason,
                        Officer.idsOf(inspectors), countedBefore, limit, counts)));
    }

    // Only items published in the catalogue, as inspection items, in force on the day (54号: 检查事项清单).
    private static Optional<String> itemRefusal(MatterVersion item, LocalDate day) {
        if (item.kind() != MatterKind.INSPECTION) {
            return Optional.of("matter " + item.code() + " is not a published inspection item");
        }
        if (item.status() != MatterStatus.ACTIVE || item.effectiveFrom().isAfter(day)) {
            return Optional.of("inspection item " + item.code() + " (" + item.name() + ") is not in force on " + day
                    + "; only published items may be inspected (" + SOURCE + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> sameOfficers(List<Officer> officers, List<OfficerId> expected, String how) {
        Set<OfficerId> given = new HashSet<>(Officer.idsOf(officers));
        return given.equals(new HashSet<>(expected)) ? Optional.empty() : Optional.of("the inspectors " + how
                + " for this inspection are " + expected + "; others may not take their place (" + SOURCE + ")");
    }

    /** Rebuilds an inspection from its events, in order (the full-process record's replay). */
    public static Inspection replay(List<? extends InspectionEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an inspection starts with InspectionPlanned");
        }
        Inspection i = new Inspection();
        events.forEach(i::apply);
        return i;
    }

    /** Rebuilds the inspection as it stood at {@code instant}: only events recorded until then are applied. */
    public static Inspection replayUntil(List<? extends InspectionEvent> events, Instant instant) {
        return replay(events.stream().filter(e -> !e.at().isAfter(instant)).toList());
    }

    /**
     * How many of {@code inspections} count towards the yearly limit of entity {@code entityId} for {@code item} in
     * {@code year}: not cancelled, of a counting origin, carried out (or, if not yet, planned) in that year (ADR 0106).
     */
    public static int countedInYear(Collection<Inspection> inspections, String entityId, MatterCode item, int year) {
        return (int) inspections.stream().filter(i -> i.countsTowardsYearlyLimit()
                && i.entityId().equals(entityId) && i.item().code().equals(item) && i.limitYear() == year).count();
    }

    // ---------------------------------------------------------------- commands

    /** The head approves the inspection before it is carried out. */
    public Outcome<InspectionEvent> approve(CommandContext ctx, HeadApproval headApproval) {
        return guard(ctx, Step.APPROVE, CommandContext.dayOf(headApproval.approvedAt()))
                .or(() -> approval != null ? Optional.of("the inspection was already approved") : Optional.empty())
                .map(Inspection::reject)
                .orElseGet(() -> accept(new InspectionApproved(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        headApproval)));
    }

    /**
     * Records the inspection on site: carried out by the assigned inspectors (certificates valid that day), after the
     * head's approval where the rules require it, with the on-site record (现场检查笔录) signed as the law asks.
     */
    public Outcome<InspectionEvent> carryOut(CommandContext ctx, InspectionRules rules, Instant inspectedAt,
                                             List<Officer> officers, String findings, OnSiteRecord onSite) {
        LocalDate day = CommandContext.dayOf(inspectedAt);
        return guard(ctx, Step.CARRY_OUT, day)
                .or(() -> ctx.futureTimeRefusal(inspectedAt))
                .or(() -> rules.priorApprovalRequired() && (approval == null
                        || approval.approvedAt().isAfter(inspectedAt)) ? Optional.of("the head's approval is required "
                        + "before the inspection is carried out (" + SOURCE + ")") : Optional.empty())
                .or(() -> sameOfficers(officers, planned.inspectors(),
                        planned.origin() == InspectionOrigin.RANDOM_DRAW ? "drawn" : "assigned"))
                .or(() -> TwoOfficerRule.refusal(officers, planned.subject(), planned.item().domain(), day,
                        SOURCE + "; 行政处罚法 art. 42"))
                .or(() -> onSite.refusal(SOURCE + "; 行政处罚法 art. 55", SOURCE + "; 行政处罚法 art. 55"))
                .map(Inspection::reject)
                .orElseGet(() -> accept(new InspectionCarriedOut(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        inspectedAt, Officer.idsOf(officers), Officer.certificateNumbersOf(officers), findings,
                        onSite)));
    }

    /** Calls off a planned inspection; it then does not count towards the yearly limit. */
    public Outcome<InspectionEvent> cancel(CommandContext ctx, LocalDate cancelledOn, String reason) {
        return guard(ctx, Step.CANCEL, cancelledOn).map(Inspection::reject)
                .orElseGet(() -> accept(new InspectionCancelled(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        cancelledOn, reason)));
    }

    /** Closes the inspection: no problem found; the entity was told the result. */
    public Outcome<InspectionEvent> concludeWithoutProblem(CommandContext ctx, LocalDate concludedOn, String summary) {
        return guard(ctx, Step.NO_PROBLEM, concludedOn)
                .or(() -> notBeforeInspection(concludedOn))
                .map(Inspection::reject)
                .orElseGet(() -> accept(new NoProblemFound(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        concludedOn, summary)));
    }

    /** 责令限期整改: orders the entity to rectify {@code requirements} by {@code dueOn}. */
    public Outcome<InspectionEvent> orderRectification(CommandContext ctx, LocalDate orderedOn, String requirements,
                                                       LocalDate dueOn) {
        return guard(ctx, Step.ORDER_RECTIFICATION, orderedOn)
                .or(() -> notBeforeInspection(orderedOn))
                .or(() -> requirements.isBlank() ? Optional.of("say what must be rectified") : Optional.empty())
                .or(() -> dueOn.isAfter(orderedOn) ? Optional.empty()
                        : Optional.of("the time limit to rectify must end after " + orderedOn))
                .map(Inspection::reject)
                .orElseGet(() -> accept(new RectificationOrdered(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        orderedOn, requirements, dueOn)));
    }

    /** Records the follow-up check (复查): rectified closes the inspection; not rectified allows a penalty lead. */
    public Outcome<InspectionEvent> checkRectification(CommandContext ctx, LocalDate checkedOn, boolean rectified,
                                                       String note) {
        return guard(ctx, Step.CHECK_RECTIFICATION, checkedOn)
                .or(() -> checkedOn.isBefore(rectification.orderedOn()) ? Optional.of("rectification was ordered on "
                        + rectification.orderedOn()) : Optional.empty())
                .map(Inspection::reject)
                .orElseGet(() -> accept(new RectificationChecked(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        checkedOn, rectified, note)));
    }

    /**
     * Records a suspected violation of the penalty matter {@code penaltyMatter}: the inspection closes with a penalty
     * lead ({@link #penaltyLead()}) from which the subject registers a penalty case.
     */
    public Outcome<InspectionEvent> findViolation(CommandContext ctx, LocalDate foundOn, MatterCode penaltyMatter,
                                                  String facts) {
        return guard(ctx, Step.FIND_VIOLATION, foundOn)
                .or(() -> notBeforeInspection(foundOn))
                .or(() -> facts.isBlank() ? Optional.of("describe the facts found") : Optional.empty())
                .map(Inspection::reject)
                .orElseGet(() -> accept(new PenaltyLeadFound(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        foundOn, penaltyMatter, facts)));
    }

    /**
     * Records evidence collected on or after the inspection by {@code officers} (at least two certified inspectors);
     * the file's SM3 {@code digest} is computed by the caller on arrival.
     */
    public Outcome<InspectionEvent> recordEvidence(CommandContext ctx, String evidenceId, String description,
                                                   Sm3 digest, Instant collectedAt, String collectedWhere,
                                                   List<Officer> officers) {
        LocalDate day = CommandContext.dayOf(collectedAt);
        return guard(ctx, Step.RECORD_EVIDENCE, day)
                .or(() -> ctx.futureTimeRefusal(collectedAt))
                .or(() -> TwoOfficerRule.refusal(officers, planned.subject(), planned.item().domain(), day,
                        SOURCE + "; 行政处罚法 art. 42"))
                .or(() -> evidence.recordingRefusal(evidenceId))
                .map(Inspection::reject)
                .orElseGet(() -> accept(new EvidenceRecorded(ctx.newEventId(), ctx.now(), planned.caseNumber(),
                        evidenceId, description, digest, collectedAt, collectedWhere, Officer.idsOf(officers),
                        Officer.certificateNumbersOf(officers))));
    }

    /**
     * Records where 粤政图 placed evidence {@code evidenceId} (or that it found no place for what was given), at upload
     * or when the hub's durable request got its answer (ADR 0513). No officer acts: the map's answer is the authority;
     * possible at any stage, once per evidence item.
     */
    @Override
    public Outcome<InspectionEvent> recordEvidenceLocation(CommandContext ctx, String evidenceId,
                                                           EvidenceLocation location) {
        return evidence.locatingRefusal(evidenceId).map(Inspection::reject).orElseGet(() -> accept(
                new EvidenceLocated(ctx.newEventId(), ctx.now(), planned.caseNumber(), evidenceId, location)));
    }

    /**
     * Records that the on-site inspection record (its electronic copy) was sealed by the seal service and its seal
     * verified by the hub; possible once the inspection was carried out.
     */
    @Override
    public Outcome<InspectionEvent> recordDocumentSealed(CommandContext ctx, DocumentKind kind, String documentNumber,
                                                         Sm3 documentDigest, String sealId, String verification) {
        if (kind != DocumentKind.INSPECTION_RECORD) {
            return reject("an inspection has no " + kind.chinese());
        }
        if (carriedOut == null) {
            return reject("the inspection has not been carried out, so there is no inspection record to seal");
        }
        return accept(new DocumentSealed(ctx.newEventId(), ctx.now(), planned.caseNumber(), kind, documentNumber,
                documentDigest, sealId, verification));
    }

    private Optional<String> notBeforeInspection(LocalDate day) {
        return day.isBefore(inspectedOn) ? Optional.of("the inspection took place on " + inspectedOn)
                : Optional.empty();
    }

    // ---------------------------------------------------------------- the guard

    private Optional<String> guard(CommandContext ctx, Step step, LocalDate day) {
        return ctx.futureDayRefusal(day).or(() -> step.allowed.contains(stage) ? Optional.empty()
                : Optional.of("cannot " + step.action + " while the inspection is " + stage.description()));
    }

    private static Outcome<InspectionEvent> reject(String reason) {
        return Outcome.rejected(reason);
    }

    private Outcome<InspectionEvent> accept(InspectionEvent event) {
        apply(event);
        return Outcome.accepted(event);
    }

    // ---------------------------------------------------------------- applying events (the only state changes)

    /** Applies an event of this inspection; used by the commands and by replay. */
    void apply(InspectionEvent e) {
        if (planned != null && !planned.caseNumber().equals(e.caseNumber())) {
            throw new IllegalArgumentException("event of inspection " + e.caseNumber() + " applied to inspection "
                    + planned.caseNumber());
        }
        if (planned == null && !(e instanceof InspectionPlanned)) {
            throw new IllegalArgumentException("an inspection starts with InspectionPlanned, not "
                    + e.getClass().getSimpleName());
        }
        history.add(e);
        if (e instanceof InspectionPlanned p) {
            planned = p;
            stage = PLANNED;
        } else if (e instanceof InspectionApproved a) {
            approval = a.approval();
        } else if (e instanceof InspectionCarriedOut c) {
            carriedOut = c;
            inspectedOn = CommandContext.dayOf(c.inspectedAt());
            stage = INSPECTED;
        } else if (e instanceof NoProblemFound) {
            stage = CLOSED;
        } else if (e instanceof RectificationOrdered r) {
            rectification = r;
            stage = RECTIFYING;
        } else if (e instanceof RectificationChecked c) {
            stage = c.rectified() ? CLOSED : NOT_RECTIFIED;
        } else if (e instanceof PenaltyLeadFound l) {
            lead = l;
            stage = REFERRED;
        } else if (e instanceof InspectionCancelled) {
            stage = CANCELLED;
        } else if (e instanceof EvidenceRecorded r) {
            evidence.add(r);
        } else if (e instanceof DocumentSealed d) {
            sealedDocuments.add(d);
        } else if (e instanceof EvidenceLocated l) {
            evidence.locate(l.evidenceId(), l.location());
        }
    }

    // ---------------------------------------------------------------- deadlines

    /** The deadlines running on {@code asOf}: the rectification time limit while the entity rectifies. */
    public List<Deadline> deadlines(WorkingDayCalendar calendar, LocalDate asOf) {
        return stage == RECTIFYING ? List.of(RectificationDeadline.due(calendar, rectification.dueOn())) : List.of();
    }

    /** The worst state of the running deadlines on {@code asOf} (ON_TIME when none runs). */
    public DeadlineState status(WorkingDayCalendar calendar, LocalDate asOf) {
        return Deadline.worstStateOn(deadlines(calendar, asOf), asOf);
    }

    // ---------------------------------------------------------------- reading the inspection

    /**
     * The penalty lead this inspection found, with everything {@code PenaltyCase.registerLead(.., PenaltyLead)} needs;
     * empty unless a violation was found.
     */
    public Optional<PenaltyLead> penaltyLead() {
        return lead == null ? Optional.empty() : Optional.of(new PenaltyLead(planned.caseNumber(), planned.subject(),
                lead.penaltyMatter(), planned.entity(), planned.place(), lead.foundOn(), lead.facts()));
    }

    /** Whether this inspection counts towards the entity's yearly limit for its item (cancelled ones do not). */
    public boolean countsTowardsYearlyLimit() {
        return planned.countsTowardsLimit() && stage != CANCELLED;
    }

    /** The calendar year the inspection counts in: of the on-site day, or of the planned day until then. */
    public int limitYear() {
        return (inspectedOn != null ? inspectedOn : planned.plannedOn()).getYear();
    }

    /** The inspection's case number. */
    public CaseNumber number() {
        return planned.caseNumber();
    }

    /** The stage. */
    public InspectionStage stage() {
        return stage;
    }

    /** The subject inspecting. */
    public SubjectId subject() {
        return planned.subject();
    }

    /** The published inspection item (matter version) inspected. */
    public MatterVersion item() {
        return planned.item();
    }

    /** The inspected entity. */
    public Party entity() {
        return planned.entity();
    }

    /** The entity's id in the entity pool (its 统一社会信用代码 or id number). */
    public String entityId() {
        return planned.entity().idNumber();
    }

    /** Why the inspection takes place. */
    public InspectionOrigin origin() {
        return planned.origin();
    }

    /** The 双随机 draw that chose it, if any. */
    public Optional<DrawReference> draw() {
        return Optional.ofNullable(planned.draw());
    }

    /** The assigned inspectors. */
    public List<OfficerId> inspectors() {
        return planned.inspectors();
    }

    /** The day it was carried out, if it has been. */
    public Optional<LocalDate> inspectedOn() {
        return Optional.ofNullable(inspectedOn);
    }

    /** The plan: entity, item, place, day, origin and inspectors. */
    public InspectionPlanned plan() {
        return planned;
    }

    /** What was recorded on site, if the inspection was carried out. */
    public Optional<InspectionCarriedOut> carriedOut() {
        return Optional.ofNullable(carriedOut);
    }

    /** The evidence recorded, in order. */
    public List<EvidenceRecorded> evidence() {
        return evidence.recorded();
    }

    /** Where 粤政图 placed each located evidence item, by evidence id. */
    public Map<String, EvidenceLocation> evidenceLocations() {
        return evidence.locations();
    }

    /** The documents sealed and verified, in order. */
    public List<DocumentSealed> sealedDocuments() {
        return List.copyOf(sealedDocuments);
    }

    /** Whether the head has approved it. */
    public boolean isApproved() {
        return approval != null;
    }

    /** Every event applied, in order. */
    public List<InspectionEvent> history() {
        return List.copyOf(history);
    }

    /** The number of events applied (the inspection's version, for optimistic locking). */
    public int version() {
        return history.size();
    }
}
