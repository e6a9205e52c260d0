package cn.gov.shanwei.enforcement.domain.coercion;

import cn.gov.shanwei.enforcement.domain.calendar.ExcludedPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.*;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.CoerciveMeasureLimit;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.deadline.FreezeDecisionService;
import cn.gov.shanwei.enforcement.domain.deadline.UrgentMeasureReport;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.officer.TwoOfficerRule;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceFile;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.domain.record.RecordKeeping;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.gov.shanwei.enforcement.domain.coercion.MeasureStage.*;

/**
 * A coercive measure (行政强制措施: 查封、扣押、冻结) as an aggregate, following 行政强制法 art. 18–33: taken with the head's
 * prior approval (or, in an urgent case, approved within 24 hours afterwards), by two certified officers, with the
 * reasons, basis and remedies told to the party, an on-site record, a decision and a list; in force for at most 30
 * days plus one approved extension of at most 30 days, testing and appraisal time not counted; ended by release
 * (解除) or by a decision on the property (处理决定).
 *
 * <p>As with {@code PenaltyCase}: state changes only by applying its own events ({@link #replay}); every command
 * checks the guard table ({@link Step}) and the law, then returns the events it caused — already applied — or a
 * rejection that changes nothing. Not thread-safe: load, command, append events, within one unit of work.
 */
public final class CoerciveMeasure implements RecordKeeping<CoerciveMeasureEvent> {

    /** Every command and the stages in which it is lawful: the one place that guards transitions. */
    private enum Step {
        APPROVE_URGENT("approve the urgent measure", AWAITING_APPROVAL),
        DISAPPROVE_URGENT("refuse the urgent measure", AWAITING_APPROVAL),
        SERVE_DECISION("serve the decision", AWAITING_APPROVAL, IN_FORCE),
        EXTEND("extend the measure", IN_FORCE),
        START_TESTING("start testing or appraisal", IN_FORCE),
        FINISH_TESTING("record the end of testing or appraisal", IN_FORCE),
        RELEASE("release the measure", AWAITING_APPROVAL, IN_FORCE),
        DISPOSE("decide on the property", IN_FORCE),
        RECORD_EVIDENCE("record evidence", AWAITING_APPROVAL, IN_FORCE, RELEASED, DISPOSED),
        SERVE_RELEASE("serve the release decision", RELEASED);

        private final String action;
        private final Set<MeasureStage> allowed;

        Step(String action, MeasureStage first, MeasureStage... rest) {
            this.action = action;
            this.allowed = EnumSet.of(first, rest);
        }
    }

    private static final String STATUTE = "行政强制法";

    private final List<CoerciveMeasureEvent> history = new ArrayList<>();
    private MeasureImposed imposed;
    private MeasureStage stage;
    private LocalDate deliveredOn;
    private int extensionDays;
    private LocalDate testingSince;
    private String testingWhat;
    private final List<ExcludedPeriod> excluded = new ArrayList<>();
    private LocalDate endedOn;
    private MeasureReleased release;
    private LocalDate releaseServedOn;
    private final EvidenceFile<EvidenceRecorded> evidence = new EvidenceFile<>("this measure",
            EvidenceRecorded::evidenceId);
    private final List<DocumentSealed> sealedDocuments = new ArrayList<>();

    private CoerciveMeasure() {
    }

    // ---------------------------------------------------------------- creation and replay

    /**
     * Takes a measure with the head's prior approval (行政强制法 art. 18(1)); {@code approval} must precede
     * {@code order.imposedAt()}.
     */
    public static Outcome<CoerciveMeasureEvent> impose(CommandContext ctx, SubjectDirectory directory,
                                                       EnforcementSubject subject, MatterVersion matter,
                                                       MeasureOrder order, HeadApproval approval) {
        return openingRefusal(ctx, directory, subject, matter, order)
                .or(() -> approval.approvedAt().isAfter(order.imposedAt())
                        ? Optional.of("the head approved at " + time(approval.approvedAt()) + ", after the measure was "
                        + "taken at " + time(order.imposedAt()) + ": a measure taken before approval is an urgent "
                        + "measure, to be reported within 24 hours (" + STATUTE + " art. 18(1), 19)")
                        : Optional.empty())
                .<Outcome<CoerciveMeasureEvent>>map(Outcome::rejected)
                .orElseGet(() -> Outcome.accepted(imposed(ctx, subject, matter, order, approval)));
    }

    /**
     * Takes a measure on the spot in an urgent case, before approval (行政强制法 art. 19): the officers must report to
     * the head within 24 hours ({@link #approveUrgentMeasure}); a measure the head does not approve is released.
     */
    public static Outcome<CoerciveMeasureEvent> imposeUrgently(CommandContext ctx, SubjectDirectory directory,
                                                               EnforcementSubject subject, MatterVersion matter,
                                                               MeasureOrder order) {
        return openingRefusal(ctx, directory, subject, matter, order)
                .<Outcome<CoerciveMeasureEvent>>map(Outcome::rejected)
                .orElseGet(() -> Outcome.accepted(imposed(ctx, subject, matter, order, null)));
    }

    private static Optional<String> openingRefusal(CommandContext ctx, SubjectDirectory directory,
                                                   EnforcementSubject subject, MatterVersion matter,
                                                   MeasureOrder order) {
        LocalDate day = CommandContext.dayOf(order.imposedAt());
        if (matter.kind() != MatterKind.COERCION) {
            return Optional.of("matter " + matter.code() + " is not a coercive-measure matter");
        }
        return ctx.futureTimeRefusal(order.imposedAt())
                .or(() -> directory.refusalToHandle(subject, matter.domain(), order.place()))
                .or(() -> TwoOfficerRule.refusal(order.officers(), subject.id(), matter.domain(), day,
                        STATUTE + " art. 18(2)"))
                .or(() -> order.items().isEmpty() ? Optional.of("the decision must list what is sealed, seized or "
                        + "frozen (清单, " + STATUTE + " art. 24)") : Optional.empty())
                .or(() -> order.reasons().isBlank() ? Optional.of("the party must be told the reasons for the measure "
                        + "(" + STATUTE + " art. 18(5), 24)") : Optional.empty())
                .or(() -> order.remedies().isBlank() ? Optional.of("the party must be told the remedies and their time "
                        + "limits (" + STATUTE + " art. 18(5), 24)") : Optional.empty())
                .or(() -> order.onSite().refusal())
                .or(() -> order.kind() != CoercionKind.FREEZE && order.onSite().partyPresent()
                        && !order.deliveredOnTheSpot() ? Optional.of("the decision and the list are handed to the "
                        + "party on the spot (" + STATUTE + " art. 24)") : Optional.empty());
    }

    private static MeasureImposed imposed(CommandContext ctx, EnforcementSubject subject, MatterVersion matter,
                                          MeasureOrder o, HeadApproval approval) {
        return new MeasureImposed(ctx.newEventId(), ctx.now(), o.number(), subject.id(), matter, o.kind(), o.party(),
                o.place(), o.imposedAt(), Officer.idsOf(o.officers()), Officer.certificateNumbersOf(o.officers()),
                o.items(), o.reasons(),
                matter.basis(), o.remedies(), o.partyStatement(), o.decisionNumber(),
                o.deliveredOnTheSpot() ? CommandContext.dayOf(o.imposedAt()) : null, o.onSite(), approval,
                approval == null);
    }

    /** Rebuilds a measure from its events, in order (the full-process record's replay). */
    public static CoerciveMeasure replay(List<? extends CoerciveMeasureEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a coercive measure starts with MeasureImposed");
        }
        CoerciveMeasure m = new CoerciveMeasure();
        events.forEach(m::apply);
        return m;
    }

    /** Rebuilds the measure as it stood at {@code instant}: only events recorded until then are applied. */
    public static CoerciveMeasure replayUntil(List<? extends CoerciveMeasureEvent> events, Instant instant) {
        return replay(events.stream().filter(e -> !e.at().isAfter(instant)).toList());
    }

    // ---------------------------------------------------------------- commands

    /**
     * Completes the approval of an urgent measure (补办批准手续): the officers reported to the head at
     * {@code reportedAt}, within 24 hours of taking it, and the head approved.
     */
    public Outcome<CoerciveMeasureEvent> approveUrgentMeasure(CommandContext ctx, Instant reportedAt,
                                                              HeadApproval approval) {
        return guard(ctx, Step.APPROVE_URGENT, CommandContext.dayOf(approval.approvedAt()))
                .or(() -> ctx.futureTimeRefusal(approval.approvedAt()))
                .or(() -> reportRefusal(ctx, reportedAt))
                .or(() -> UrgentMeasureReport.isInTime(imposed.imposedAt(), reportedAt) ? Optional.empty()
                        : Optional.of("the urgent measure taken at " + time(imposed.imposedAt()) + " had to be "
                        + "reported to the head by " + time(UrgentMeasureReport.latestReport(imposed.imposedAt()))
                        + " (" + STATUTE + " art. 19); it can no longer be approved: release it"))
                .or(() -> approval.approvedAt().isBefore(reportedAt) ? Optional.of("the head cannot approve at "
                        + time(approval.approvedAt()) + ", before the report at " + time(reportedAt))
                        : Optional.empty())
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new UrgentMeasureApproved(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        reportedAt, approval)));
    }

    /**
     * The head finds that the urgent measure should not have been taken: it is released at once (行政强制法 art. 19).
     * Causes two events: the refusal and the release.
     */
    public Outcome<CoerciveMeasureEvent> disapproveUrgentMeasure(CommandContext ctx, Instant reportedAt,
                                                                 OfficerId head, String reason) {
        LocalDate today = ctx.today();
        return guard(ctx, Step.DISAPPROVE_URGENT, today)
                .or(() -> reportRefusal(ctx, reportedAt))
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(
                        new UrgentMeasureDisapproved(ctx.newEventId(), ctx.now(), imposed.caseNumber(), reportedAt,
                                head, reason),
                        new MeasureReleased(ctx.newEventId(), ctx.now(), imposed.caseNumber(), today,
                                ReleaseGround.NOT_APPROVED, reason)));
    }

    private Optional<String> reportRefusal(CommandContext ctx, Instant reportedAt) {
        if (reportedAt.isBefore(imposed.imposedAt())) {
            return Optional.of("the report cannot precede the measure taken at " + time(imposed.imposedAt()));
        }
        return ctx.futureTimeRefusal(reportedAt);
    }


    /** Serves the decision and list after the measure, when they were not handed over on the spot. */
    public Outcome<CoerciveMeasureEvent> serveDecision(CommandContext ctx, LocalDate servedOn, String method,
                                                       String recipient) {
        return guard(ctx, Step.SERVE_DECISION, servedOn)
                .or(() -> deliveredOn != null ? Optional.of("the decision was delivered on " + deliveredOn)
                        : Optional.empty())
                .or(() -> servedOn.isBefore(imposedOn()) ? Optional.of("the decision cannot be served before the "
                        + "measure was taken on " + imposedOn()) : Optional.empty())
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new MeasureDecisionServed(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        servedOn, method, recipient)));
    }

    /**
     * Extends the measure once, by at most 30 days, with the head's approval, because the case is complex; the party
     * is told in writing with the reasons on {@code notifiedOn} (行政强制法 art. 25, 32). An expired measure cannot be
     * extended.
     */
    public Outcome<CoerciveMeasureEvent> extend(CommandContext ctx, int days, HeadApproval approval, String reason,
                                                LocalDate notifiedOn) {
        LocalDate approvedOn = CommandContext.dayOf(approval.approvedAt());
        return guard(ctx, Step.EXTEND, approvedOn)
                .or(() -> ctx.futureTimeRefusal(approval.approvedAt()))
                .or(() -> ctx.futureDayRefusal(notifiedOn))
                .or(() -> extensionDays > 0 ? Optional.of("the measure was already extended by " + extensionDays
                        + " days; the law allows one extension (" + STATUTE + " art. 25, 32)") : Optional.empty())
                .or(() -> days < 1 || days > CoerciveMeasureLimit.MAX_DAYS ? Optional.of("an extension is 1 to "
                        + CoerciveMeasureLimit.MAX_DAYS + " days (" + STATUTE + " art. 25, 32), not " + days)
                        : Optional.empty())
                .or(() -> reason.isBlank() ? Optional.of("an extension needs its reasons (情况复杂), told to the party "
                        + "in writing (" + STATUTE + " art. 25)") : Optional.empty())
                .or(() -> expiredRefusal(ctx.calendar().get(), approvedOn, "extended"))
                .or(() -> notifiedOn.isBefore(approvedOn) ? Optional.of("the party cannot be told of the extension "
                        + "before it was approved on " + approvedOn) : Optional.empty())
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new MeasureExtended(ctx.newEventId(), ctx.now(), imposed.caseNumber(), days,
                        approval, reason, notifiedOn)));
    }

    /**
     * Starts testing, inspection, quarantine or technical appraisal of the items; the time until
     * {@link #finishTesting} is not counted in the term. Its planned period is told to the party in writing
     * (行政强制法 art. 25(3)).
     */
    public Outcome<CoerciveMeasureEvent> startTesting(CommandContext ctx, LocalDate startedOn, String what,
                                                      LocalDate plannedUntil, LocalDate notifiedOn) {
        return guard(ctx, Step.START_TESTING, startedOn)
                .or(() -> ctx.futureDayRefusal(notifiedOn))
                .or(() -> testingSince != null ? Optional.of(testingWhat + " is under way since " + testingSince)
                        : Optional.empty())
                .or(() -> startedOn.isBefore(clockRunsAgainFrom()) ? Optional.of("testing cannot start before "
                        + clockRunsAgainFrom()) : Optional.empty())
                .or(() -> plannedUntil.isBefore(startedOn) ? Optional.of("the planned testing period must be stated "
                        + "and end on or after " + startedOn + " (" + STATUTE + " art. 25(3))") : Optional.empty())
                .or(() -> expiredRefusal(ctx.calendar().get(), startedOn, "put to testing"))
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new TestingStarted(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        startedOn, what, plannedUntil, notifiedOn)));
    }

    /** Records the end of testing or appraisal; the term runs again from {@code finishedOn}. */
    public Outcome<CoerciveMeasureEvent> finishTesting(CommandContext ctx, LocalDate finishedOn, String result) {
        return guard(ctx, Step.FINISH_TESTING, finishedOn)
                .or(() -> testingSince == null ? Optional.of("no testing or appraisal is under way") : Optional.empty())
                .or(() -> testingSince != null && finishedOn.isBefore(testingSince) ? Optional.of("testing started on "
                        + testingSince) : Optional.empty())
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new TestingFinished(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        finishedOn, result)));
    }

    /**
     * 解除 (行政强制法 art. 28, 33): releases the measure for {@code ground}. Always possible while it is in force; a
     * release for lack of approval is recorded with {@link #disapproveUrgentMeasure}.
     */
    public Outcome<CoerciveMeasureEvent> release(CommandContext ctx, LocalDate releasedOn, ReleaseGround ground,
                                                 String explanation) {
        WorkingDayCalendar calendar = ctx.calendar().get();
        return guard(ctx, Step.RELEASE, releasedOn)
                .or(() -> releasedOn.isBefore(imposedOn()) ? Optional.of("the measure was taken on " + imposedOn())
                        : Optional.empty())
                .or(() -> ground == ReleaseGround.NOT_APPROVED ? Optional.of("a release for lack of approval is "
                        + "recorded with the head's refusal of the urgent measure (" + STATUTE + " art. 19)")
                        : Optional.empty())
                .or(() -> ground == ReleaseGround.TERM_EXPIRED && term(calendar, releasedOn).isMetBy(releasedOn)
                        ? Optional.of("the term runs until " + term(calendar, releasedOn).dueOn()
                        + "; choose the ground that applies") : Optional.empty())
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new MeasureReleased(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        releasedOn, ground, explanation)));
    }

    /**
     * 处理决定 (行政强制法 art. 27): the property is confiscated or destroyed (sealed or seized items) or the funds are
     * transferred (frozen funds) by decision {@code decisionNumber}, usually the penalty decision of
     * {@code penaltyCase} ({@code null} when the decision is not a penalty decision); within the term only — after it
     * the measure must be released (art. 28(4)).
     */
    public Outcome<CoerciveMeasureEvent> dispose(CommandContext ctx, LocalDate disposedOn, Disposal disposal,
                                                 CaseNumber penaltyCase, String decisionNumber) {
        return guard(ctx, Step.DISPOSE, disposedOn)
                .or(() -> testingSince != null ? Optional.of(testingWhat + " is under way since " + testingSince
                        + ": record its result first") : Optional.empty())
                .or(() -> decisionNumber.isBlank() ? Optional.of("name the decision that disposes of the property")
                        : Optional.empty())
                .or(() -> (imposed.kind() == CoercionKind.FREEZE) != (disposal == Disposal.TRANSFERRED)
                        ? Optional.of(imposed.kind() == CoercionKind.FREEZE
                        ? "frozen funds are transferred (划拨) by decision, not confiscated or destroyed"
                        : "sealed or seized property is confiscated or destroyed, not transferred") : Optional.empty())
                .or(() -> expiredRefusal(ctx.calendar().get(), disposedOn, "decided on (" + STATUTE + " art. 27)"))
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new MeasureDisposed(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        disposedOn, disposal, penaltyCase, decisionNumber)));
    }

    /**
     * Records evidence collected at {@code collectedAt} by {@code officers} (at least two, certified that day,
     * 行政强制法 art. 18(2)); the file's SM3 {@code digest} is computed by the caller on arrival. Possible at every
     * stage: a testing report or the record of returned property may come after the measure ended.
     */
    public Outcome<CoerciveMeasureEvent> recordEvidence(CommandContext ctx, String evidenceId, String description,
                                                        Sm3 digest, Instant collectedAt, String collectedWhere,
                                                        List<Officer> officers) {
        LocalDate day = CommandContext.dayOf(collectedAt);
        return guard(ctx, Step.RECORD_EVIDENCE, day)
                .or(() -> ctx.futureTimeRefusal(collectedAt))
                .or(() -> TwoOfficerRule.refusal(officers, imposed.subject(), imposed.matter().domain(), day,
                        STATUTE + " art. 18(2)"))
                .or(() -> evidence.recordingRefusal(evidenceId))
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new EvidenceRecorded(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        evidenceId, description, digest, collectedAt, collectedWhere, Officer.idsOf(officers),
                        Officer.certificateNumbersOf(officers))));
    }

    /**
     * Records where 粤政图 placed evidence {@code evidenceId} (or that it found no place for what was given), at upload
     * or when the hub's durable request got its answer (ADR 0513). No officer acts: the map's answer is the authority;
     * possible at any stage, once per evidence item.
     */
    @Override
    public Outcome<CoerciveMeasureEvent> recordEvidenceLocation(CommandContext ctx, String evidenceId,
                                                                EvidenceLocation location) {
        return evidence.locatingRefusal(evidenceId).map(CoerciveMeasure::reject).orElseGet(() -> accept(
                new EvidenceLocated(ctx.newEventId(), ctx.now(), imposed.caseNumber(), evidenceId, location)));
    }

    /**
     * Records that a document of the measure was sealed by the seal service and its seal verified by the hub: the
     * decision (always there), the extension decision (once extended) or the release decision (once released). No officer acts; the verified seal is the
     * authority.
     */
    @Override
    public Outcome<CoerciveMeasureEvent> recordDocumentSealed(CommandContext ctx, DocumentKind kind,
                                                              String documentNumber, Sm3 documentDigest,
                                                              String sealId, String verification) {
        Optional<String> refusal = switch (kind) {
            case MEASURE_DECISION -> Optional.empty();
            case EXTENSION_DECISION -> extensionDays == 0 ? Optional.of("the measure has not been extended, so there "
                    + "is no extension decision to seal") : Optional.empty();
            case RELEASE_DECISION -> release == null ? Optional.of("the measure has not been released, so there is "
                    + "no release decision to seal") : Optional.empty();
            case INSPECTION_RECORD -> Optional.of("a coercive measure has no inspection record");
        };
        return refusal.map(CoerciveMeasure::reject).orElseGet(() -> accept(new DocumentSealed(ctx.newEventId(),
                ctx.now(), imposed.caseNumber(), kind, documentNumber, documentDigest, sealId, verification)));
    }

    /** Serves the release decision (解除决定书) on the party, once, not before the release. */
    public Outcome<CoerciveMeasureEvent> serveReleaseDecision(CommandContext ctx, LocalDate servedOn, String method,
                                                              String recipient) {
        return guard(ctx, Step.SERVE_RELEASE, servedOn)
                .or(() -> releaseServedOn != null ? Optional.of("the release decision was served on "
                        + releaseServedOn) : Optional.empty())
                .or(() -> servedOn.isBefore(release.releasedOn()) ? Optional.of("the release decision cannot be "
                        + "served before the release on " + release.releasedOn()) : Optional.empty())
                .map(CoerciveMeasure::reject)
                .orElseGet(() -> accept(new ReleaseDecisionServed(ctx.newEventId(), ctx.now(), imposed.caseNumber(),
                        servedOn, method, recipient)));
    }

    private Optional<String> expiredRefusal(WorkingDayCalendar calendar, LocalDate day, String what) {
        Deadline term = term(calendar, day);
        return term.isMetBy(day) ? Optional.empty() : Optional.of("the term ended on " + term.dueOn()
                + ": an expired measure cannot be " + what + "; release it (" + STATUTE + " art. 28(4))");
    }

    // ---------------------------------------------------------------- the guard

    private Optional<String> guard(CommandContext ctx, Step step, LocalDate day) {
        return ctx.futureDayRefusal(day).or(() -> step.allowed.contains(stage) ? Optional.empty()
                : Optional.of("cannot " + step.action + " while the measure is " + stage.description()));
    }

    private static Outcome<CoerciveMeasureEvent> reject(String reason) {
        return Outcome.rejected(reason);
    }

    private Outcome<CoerciveMeasureEvent> accept(CoerciveMeasureEvent... events) {
        for (CoerciveMeasureEvent e : events) {
            apply(e);
        }
        return Outcome.accepted(events);
    }

    // ---------------------------------------------------------------- applying events (the only state changes)

    /** Applies an event of this measure; used by the commands and by replay. */
    void apply(CoerciveMeasureEvent e) {
        if (imposed != null && !imposed.caseNumber().equals(e.caseNumber())) {
            throw new IllegalArgumentException("event of measure " + e.caseNumber() + " applied to measure "
                    + imposed.caseNumber());
        }
        if (imposed == null && !(e instanceof MeasureImposed)) {
            throw new IllegalArgumentException("a coercive measure starts with MeasureImposed, not "
                    + e.getClass().getSimpleName());
        }
        history.add(e);
        if (e instanceof MeasureImposed m) {
            imposed = m;
            deliveredOn = m.deliveredOn();
            stage = m.urgent() ? AWAITING_APPROVAL : IN_FORCE;
        } else if (e instanceof UrgentMeasureApproved) {
            stage = IN_FORCE;
        } else if (e instanceof MeasureDecisionServed s) {
            deliveredOn = s.servedOn();
        } else if (e instanceof MeasureExtended x) {
            extensionDays += x.extensionDays();
        } else if (e instanceof TestingStarted t) {
            testingSince = t.startedOn();
            testingWhat = t.what();
        } else if (e instanceof TestingFinished f) {
            closeTesting(f.finishedOn());
        } else if (e instanceof MeasureReleased r) {
            closeTesting(r.releasedOn());
            endedOn = r.releasedOn();
            release = r;
            stage = RELEASED;
        } else if (e instanceof MeasureDisposed d) {
            endedOn = d.disposedOn();
            stage = DISPOSED;
        } else if (e instanceof EvidenceRecorded r) {
            evidence.add(r);
        } else if (e instanceof DocumentSealed d) {
            sealedDocuments.add(d);
        } else if (e instanceof EvidenceLocated l) {
            evidence.locate(l.evidenceId(), l.location());
        } else if (e instanceof ReleaseDecisionServed s) {
            releaseServedOn = s.servedOn();
        }
        // UrgentMeasureDisapproved changes nothing by itself: the release that follows it ends the measure.
    }

    private void closeTesting(LocalDate on) {
        if (testingSince != null) {
            excluded.add(new ExcludedPeriod("检测、检验、检疫或者技术鉴定: " + testingWhat, testingSince,
                    on.isBefore(testingSince) ? testingSince : on));
            testingSince = null;
            testingWhat = null;
        }
    }

    private LocalDate clockRunsAgainFrom() {
        return excluded.isEmpty() ? imposedOn() : excluded.get(excluded.size() - 1).resumedOn();
    }

    // ---------------------------------------------------------------- the legal clock of this measure

    private List<ExcludedPeriod> excludedAsOf(LocalDate asOf) {
        List<ExcludedPeriod> all = new ArrayList<>(excluded);
        if (testingSince != null && asOf.isAfter(testingSince)) {
            all.add(new ExcludedPeriod("检测、检验、检疫或者技术鉴定: " + testingWhat, testingSince, asOf));
        }
        return all;
    }

    /**
     * The term of the measure as it stands on {@code asOf}: 30 days from the day it was taken, plus the approved
     * extension, without testing time (行政强制法 art. 25, 32). While testing is under way the day assumes the clock
     * restarts on {@code asOf}, and the deadline is marked paused.
     */
    public Deadline term(WorkingDayCalendar calendar, LocalDate asOf) {
        Deadline d = CoerciveMeasureLimit.ends(calendar, imposedOn(), extensionDays, excludedAsOf(asOf));
        return testingSince != null ? d.asPaused() : d;
    }

    /**
     * The deadlines running for this measure on {@code asOf}, each with its rule and article: the term, the 24-hour
     * report of an urgent measure, and the delivery of a freezing decision; empty once the measure has ended.
     */
    public List<Deadline> deadlines(WorkingDayCalendar calendar, LocalDate asOf) {
        if (stage == RELEASED || stage == DISPOSED) {
            return List.of();
        }
        List<Deadline> result = new ArrayList<>();
        result.add(term(calendar, asOf));
        if (stage == AWAITING_APPROVAL) {
            result.add(UrgentMeasureReport.due(calendar, imposed.imposedAt()));
        }
        if (deliveredOn == null && imposed.kind() == CoercionKind.FREEZE) {
            result.add(FreezeDecisionService.due(calendar, imposedOn()));
        }
        return result;
    }

    /** The worst state of the running deadlines on {@code asOf} (ON_TIME when none runs): overdue measures show. */
    public DeadlineState status(WorkingDayCalendar calendar, LocalDate asOf) {
        return Deadline.worstStateOn(deadlines(calendar, asOf), asOf);
    }

    // ---------------------------------------------------------------- reading the measure

    /** The measure's case number. */
    public CaseNumber number() {
        return imposed.caseNumber();
    }

    /** The stage. */
    public MeasureStage stage() {
        return stage;
    }

    /** 查封, 扣押 or 冻结. */
    public CoercionKind kind() {
        return imposed.kind();
    }

    /** The subject that took the measure. */
    public SubjectId subject() {
        return imposed.subject();
    }

    /** The matter version it was taken under. */
    public MatterVersion matter() {
        return imposed.matter();
    }

    /** The party. */
    public Party party() {
        return imposed.party();
    }

    /** The list of items under the measure. */
    public List<ListedItem> items() {
        return imposed.items();
    }

    /** When the measure was taken. */
    public Instant imposedAt() {
        return imposed.imposedAt();
    }

    /** The day (China time) the measure was taken: the start day of its term, not counted. */
    public LocalDate imposedOn() {
        return CommandContext.dayOf(imposed.imposedAt());
    }

    /** Whether it was taken in an urgent case before approval. */
    public boolean isUrgent() {
        return imposed.urgent();
    }

    /** The approved extension in days (0 if none). */
    public int extensionDays() {
        return extensionDays;
    }

    /** Whether testing or appraisal is under way now (the term's clock is stopped). */
    public boolean isUnderTesting() {
        return testingSince != null;
    }

    /** The day the decision reached the party, if it has. */
    public Optional<LocalDate> deliveredOn() {
        return Optional.ofNullable(deliveredOn);
    }

    /** The day the measure ended (released or disposed of), if it has. */
    public Optional<LocalDate> endedOn() {
        return Optional.ofNullable(endedOn);
    }

    /** The decision taken with the measure: its number, reasons, list and approval. */
    public MeasureImposed decision() {
        return imposed;
    }

    /** The release, if the measure was released. */
    public Optional<MeasureReleased> release() {
        return Optional.ofNullable(release);
    }

    /** The day the release decision reached the party, if it has. */
    public Optional<LocalDate> releaseServedOn() {
        return Optional.ofNullable(releaseServedOn);
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

    /** The testing and appraisal time excluded from the term so far. */
    public List<ExcludedPeriod> excludedPeriods() {
        return List.copyOf(excluded);
    }

    /** Every event applied, in order. */
    public List<CoerciveMeasureEvent> history() {
        return List.copyOf(history);
    }

    /** The number of events applied (the measure's version, for optimistic locking). */
    public int version() {
        return history.size();
    }

    private static String time(Instant instant) {
        return CommandContext.timeText(instant);
    }
}
