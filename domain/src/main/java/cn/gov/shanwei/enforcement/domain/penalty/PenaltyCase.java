package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.calendar.ExcludedPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.common.Money;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.CourtEnforcementWindow;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.deadline.DecisionDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.DecisionPublicationDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.FilingDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.HearingNoticeLead;
import cn.gov.shanwei.enforcement.domain.deadline.HearingRequestWindow;
import cn.gov.shanwei.enforcement.domain.deadline.LatePaymentSurcharge;
import cn.gov.shanwei.enforcement.domain.deadline.PaymentDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.PublicationWithdrawalDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.StatementPeriod;
import cn.gov.shanwei.enforcement.domain.deadline.ServiceDeadline;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.officer.TwoOfficerRule;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.*;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.gov.shanwei.enforcement.domain.penalty.PenaltyStage.*;

/**
 * A 行政处罚 case (aggregate). Its state is only ever changed by applying its own events, so that the full-process
 * record can rebuild it ({@link #replay}). Each command checks the guard table ({@link Step}) and the law, then
 * either returns the events it caused — already applied to this case — or a rejection that changes nothing.
 *
 * <p>Not thread-safe: load, command, append events, within one unit of work.
 */
public final class PenaltyCase {

    /** Every command and the stages in which it is lawful: the one place that guards transitions. */
    private enum Step {
        FILE("file the case", LEAD),
        DECLINE("decline to file the case", LEAD),
        EXTEND_FILING("extend the filing period", LEAD),
        MARK_MAJOR("mark the case as major", FILED, NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED, HEARD),
        RECORD_EVIDENCE("record evidence", FILED, NOTIFIED, HEARD),
        EXTEND_DECISION("extend the decision period", FILED, NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED, HEARD),
        NOTIFY("notify the intended penalty", FILED),
        NOTIFY_SANCTIONS("notify the intended penalties", FILED),
        RECORD_STATEMENT("record the party's statement and defence", NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED,
                HEARD),
        DECIDE_SANCTIONS("decide the penalties", NOTIFIED, HEARD),
        STOP_CLOCK("stop the clock", LEAD, FILED, NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED, HEARD),
        RESTART_CLOCK("restart the clock", LEAD, FILED, NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED, HEARD),
        RECORD_CHANGE("record a change of the decision", DECIDED, SERVED, EXECUTED, COURT_ENFORCEMENT, CLOSED,
                ARCHIVED),
        WITHDRAW_PUBLICATION("withdraw the publication", DECIDED, SERVED, EXECUTED, COURT_ENFORCEMENT, CLOSED,
                ARCHIVED),
        REQUEST_HEARING("record a hearing request", NOTIFIED),
        SERVE_HEARING_NOTICE("serve a hearing notice", HEARING_REQUESTED),
        HOLD_HEARING("hold the hearing", HEARING_SCHEDULED),
        LEGAL_REVIEW("record the legal review", NOTIFIED, HEARD),
        DISCUSS("record the collective discussion", NOTIFIED, HEARD),
        DECIDE("decide the case", FILED, NOTIFIED, HEARD),
        SERVE("serve the decision", DECIDED),
        PUBLISH("publish the decision", DECIDED, SERVED, EXECUTED, COURT_ENFORCEMENT, CLOSED),
        APPROVE_PLAN("approve deferral or instalments", SERVED),
        PAY("record a payment", SERVED, COURT_ENFORCEMENT),
        APPLY_TO_COURT("apply for court enforcement", SERVED),
        SUSPEND("suspend the case", FILED, NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED, HEARD),
        RESUME("resume the case", FILED, NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED, HEARD),
        CLOSE("close the case", SERVED, EXECUTED, COURT_ENFORCEMENT),
        ARCHIVE("archive the case", CLOSED);

        private final String action;
        private final Set<PenaltyStage> allowed;

        Step(String action, PenaltyStage first, PenaltyStage... rest) {
            this.action = action;
            this.allowed = EnumSet.of(first, rest);
        }
    }

    private final List<PenaltyCaseEvent> history = new ArrayList<>();
    private CaseNumber number;
    private SubjectId subject;
    private MatterVersion matter;
    private Party party;
    private RegionCode place;
    private LocalDate discoveredOn;
    private PenaltyStage stage;
    private boolean summary;
    private LocalDate filedOn;
    private boolean filingExtended;
    private boolean decisionExtended;
    private boolean major;
    private final EvidenceFile<EvidenceRecorded> evidence = new EvidenceFile<>("this case",
            EvidenceRecorded::evidenceId);
    private LocalDate intendedOn;
    private boolean intendedHearingRight;
    private List<Sanction> intendedSanctions = List.of();
    private boolean statementComplete;
    private LocalDate hearingRequestedOn;
    private LocalDate hearingDay;
    private LocalDate hearingHeldOn;
    private LegalReviewCompleted legalReview;
    private boolean discussed;
    private List<Sanction> decidedSanctions = List.of();
    private long fineFen;
    private LocalDate decidedOn;
    private LocalDate servedOn;
    private LocalDate publishedOn;
    private List<PlannedInstalment> plan = List.of();
    private final List<FinePaid> payments = new ArrayList<>();
    private LocalDate suspendedOn;
    private String suspensionReason;
    private final List<ExcludedPeriod> excluded = new ArrayList<>();
    private final Map<ClockStop, ClockStopped> openStops = new EnumMap<>(ClockStop.class);
    private DecisionChanged change;
    private LocalDate withdrawnOn;

    private PenaltyCase() {
    }

    // ---------------------------------------------------------------- creation and replay

    /**
     * Registers a lead (案源登记) under the matter version in force on the day it was discovered.
     */
    public static Outcome<PenaltyCaseEvent> registerLead(PenaltyContext ctx, SubjectDirectory directory,
                                                         CaseNumber number, EnforcementSubject subject,
                                                         MatterVersion matter, Party party, RegionCode place,
                                                         LocalDate discoveredOn, String facts) {
        Optional<String> refusal = openingRefusal(ctx, directory, subject, matter, place, discoveredOn);
        if (refusal.isPresent()) {
            return Outcome.rejected(refusal.get());
        }
        return Outcome.accepted(new LeadRegistered(ctx.newEventId(), ctx.now(), number, subject.id(), matter, party,
                place, discoveredOn, facts));
    }

    /**
     * Registers a lead found by another procedure (e.g. an inspection's finding) as a penalty lead: the subject and
     * the matter must be the ones the lead names; the facts keep a reference to the source.
     */
    public static Outcome<PenaltyCaseEvent> registerLead(PenaltyContext ctx, SubjectDirectory directory,
                                                         CaseNumber number, EnforcementSubject subject,
                                                         MatterVersion matter, PenaltyLead lead) {
        if (!subject.id().equals(lead.subject())) {
            return Outcome.rejected("the lead was found by " + lead.subject() + ", not by " + subject.name());
        }
        if (!matter.code().equals(lead.penaltyMatter())) {
            return Outcome.rejected("the lead points to matter " + lead.penaltyMatter() + ", not " + matter.code());
        }
        return registerLead(ctx, directory, number, subject, matter, lead.party(), lead.place(), lead.discoveredOn(),
                lead.facts() + " (案源: " + lead.source() + ")");
    }

    /**
     * Imposes a warning or a small fine on the spot (简易程序, 行政处罚法 art. 51–52): at most 200 yuan for a
     * person or 3,000 yuan for an organisation (configurable in {@link PenaltyRules#summaryLimit()}), by two
     * certified officers; the decision is delivered on the spot.
     */
    public static Outcome<PenaltyCaseEvent> imposeOnTheSpot(PenaltyContext ctx, SubjectDirectory directory,
                                                            CaseNumber number, EnforcementSubject subject,
                                                            MatterVersion matter, Party party, RegionCode place,
                                                            List<Officer> officers, PenaltyKind kind, long fineFen,
                                                            String facts) {
        LocalDate today = ctx.today();
        Optional<String> refusal = openingRefusal(ctx, directory, subject, matter, place, today)
                .or(() -> TwoOfficerRule.refusal(officers, subject.id(), matter.domain(), today));
        if (refusal.isPresent()) {
            return Outcome.rejected(refusal.get());
        }
        if (kind != PenaltyKind.WARNING && kind != PenaltyKind.FINE) {
            return Outcome.rejected("the summary procedure decides only a warning or a fine (行政处罚法 art. 51)");
        }
        long limit = ctx.rules().summaryLimit().forParty(party.kind());
        if (kind == PenaltyKind.FINE && (fineFen <= 0 || fineFen > limit)) {
            return Outcome.rejected("an on-the-spot fine for " + (party.kind() == Party.Kind.PERSON ? "a person"
                    : "an organisation") + " is at most " + Money.yuan(limit)
                    + " (行政处罚法 art. 51); use the general procedure for " + Money.yuan(fineFen));
        }
        return Outcome.accepted(new SummaryPenaltyImposed(ctx.newEventId(), ctx.now(), number, subject.id(), matter,
                party, place, today, kind, kind == PenaltyKind.FINE ? fineFen : 0,
                Officer.idsOf(officers), facts));
    }

    private static Optional<String> openingRefusal(PenaltyContext ctx, SubjectDirectory directory,
                                                   EnforcementSubject subject, MatterVersion matter, RegionCode place,
                                                   LocalDate day) {
        if (matter.kind() != MatterKind.PENALTY) {
            return Optional.of("matter " + matter.code() + " is not a penalty matter");
        }
        if (day.isAfter(ctx.today())) {
            return Optional.of("the date " + day + " is in the future");
        }
        return directory.refusalToHandle(subject, matter.domain(), place);
    }

    /** Rebuilds a case from its events, in order (the full-process record's replay). */
    public static PenaltyCase replay(List<? extends PenaltyCaseEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a case starts with LeadRegistered or SummaryPenaltyImposed");
        }
        PenaltyCase c = new PenaltyCase();
        events.forEach(c::apply);
        return c;
    }

    /** Rebuilds the case as it stood at {@code instant}: only events recorded until then are applied. */
    public static PenaltyCase replayUntil(List<? extends PenaltyCaseEvent> events, Instant instant) {
        return replay(events.stream().filter(e -> !e.at().isAfter(instant)).toList());
    }

    // ---------------------------------------------------------------- commands

    /** 立案: within the filing period, approved by {@code approvedBy}. */
    public Outcome<PenaltyCaseEvent> file(PenaltyContext ctx, LocalDate filedOn, OfficerId approvedBy) {
        // A late filing is still recorded: the law wants the case filed; supervision sees the overdue deadline.
        return guard(ctx, Step.FILE, filedOn).map(PenaltyCase::reject).orElseGet(() -> accept(
                new CaseFiled(ctx.newEventId(), ctx.now(), number, filedOn, approvedBy)));
    }

    /**
     * 立案 after the party (and a licence of the party named at filing) were checked with the province: the checks are
     * recorded as {@link FilingChecked}, then {@link CaseFiled}, in one outcome.
     *
     * @param partyCheck   what 人口库 / 法人库 said (a mismatch is refused before this is called)
     * @param licenceCheck the verified licence, or null when none was named
     */
    public Outcome<PenaltyCaseEvent> file(PenaltyContext ctx, LocalDate filedOn, OfficerId approvedBy,
                                          PartyCheck partyCheck, LicenceCheck licenceCheck) {
        java.util.Objects.requireNonNull(partyCheck, "partyCheck");
        Optional<String> refusal = guard(ctx, Step.FILE, filedOn);
        if (refusal.isPresent()) {
            return reject(refusal.get());
        }
        FilingChecked checked = new FilingChecked(ctx.newEventId(), ctx.now(), number, partyCheck, licenceCheck);
        CaseFiled filed = new CaseFiled(ctx.newEventId(), ctx.now(), number, filedOn, approvedBy);
        apply(checked);
        apply(filed);
        return Outcome.accepted(checked, filed);
    }

    /** 不予立案: the lead is closed without a case. */
    public Outcome<PenaltyCaseEvent> declineToFile(PenaltyContext ctx, LocalDate declinedOn, String reason) {
        return guard(ctx, Step.DECLINE, declinedOn).map(PenaltyCase::reject).orElseGet(() -> accept(
                new FilingDeclined(ctx.newEventId(), ctx.now(), number, declinedOn, reason)));
    }

    /** Extends the filing period once, with approval. */
    public Outcome<PenaltyCaseEvent> extendFilingPeriod(PenaltyContext ctx, OfficerId approvedBy, String reason) {
        return guard(ctx, Step.EXTEND_FILING, ctx.today())
                .or(() -> filingExtended ? Optional.of("the filing period has already been extended") : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new PeriodExtended(ctx.newEventId(), ctx.now(), number,
                        FilingDeadline.NAME, approvedBy, reason)));
    }

    /** Extends the decision period once, with approval, where the domain's rule allows it. */
    public Outcome<PenaltyCaseEvent> extendDecisionPeriod(PenaltyContext ctx, OfficerId approvedBy, String reason) {
        DecisionDeadline policy = new DecisionDeadline(ctx.rules().procedures());
        return guard(ctx, Step.EXTEND_DECISION, ctx.today())
                .or(() -> decisionExtended ? Optional.of("the decision period has already been extended; a longer "
                        + "period needs collective discussion") : Optional.empty())
                .or(() -> policy.extensionAllowed(matter.domain()) ? Optional.empty()
                        : Optional.of("the rules of " + matter.domain() + " allow no extension of the decision period"))
                .map(PenaltyCase::reject).orElseGet(() -> accept(new PeriodExtended(ctx.newEventId(), ctx.now(), number,
                        DecisionDeadline.NAME, approvedBy, reason)));
    }

    /** Marks the case as major (public interest, complex), which makes legal review mandatory (art. 58). */
    public Outcome<PenaltyCaseEvent> markMajor(PenaltyContext ctx, String reason) {
        return guard(ctx, Step.MARK_MAJOR, ctx.today()).map(PenaltyCase::reject)
                .orElseGet(() -> accept(new MarkedMajor(ctx.newEventId(), ctx.now(), number, reason)));
    }

    /**
     * Records an evidence item taken by at least two certified officers of the subject (art. 42, 55).
     *
     * @param digest the SM3 digest of the evidence file as stored
     */
    public Outcome<PenaltyCaseEvent> recordEvidence(PenaltyContext ctx, String evidenceId, String description,
                                                    Sm3 digest, Instant collectedAt, String collectedWhere,
                                                    List<Officer> officers) {
        LocalDate day = LocalDate.ofInstant(collectedAt, PenaltyContext.CHINA);
        return guard(ctx, Step.RECORD_EVIDENCE, day)
                .or(() -> TwoOfficerRule.refusal(officers, subject, matter.domain(), day))
                .or(() -> evidence.recordingRefusal(evidenceId))
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new EvidenceRecorded(ctx.newEventId(), ctx.now(), number, evidenceId,
                        description, digest, collectedAt, collectedWhere, Officer.idsOf(officers),
                        Officer.certificateNumbersOf(officers))));
    }

    /**
     * Records where 粤政图 placed an evidence item (or that it found no place for it). No officer acts: the map's
     * answer to what was given at upload is the authority. Any stage: it completes an upload that was accepted.
     */
    public Outcome<PenaltyCaseEvent> recordEvidenceLocation(PenaltyContext ctx, String evidenceId,
                                                            EvidenceLocation location) {
        return evidence.locatingRefusal(evidenceId).map(PenaltyCase::reject).orElseGet(() -> accept(
                new EvidenceLocated(ctx.newEventId(), ctx.now(), number, evidenceId, location)));
    }

    /**
     * 事先告知: notifies the facts, grounds, intended penalty and the rights to state, defend and (for large fines)
     * request a hearing (行政处罚法 art. 44, 63).
     */
    public Outcome<PenaltyCaseEvent> notifyIntendedPenalty(PenaltyContext ctx, LocalDate servedOn, PenaltyKind kind,
                                                           long fineFen, String circumstance) {
        return guard(ctx, Step.NOTIFY, servedOn)
                .or(() -> evidence.isEmpty() ? Optional.of("record the evidence before notifying an intended penalty")
                        : Optional.empty())
                .or(() -> kind == PenaltyKind.WARNING || kind == PenaltyKind.FINE ? Optional.empty()
                        : Optional.of("only a warning or a fine is notified as an intended penalty"))
                .or(() -> fineRefusal(kind, fineFen, circumstance))
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new PenaltyIntended(ctx.newEventId(), ctx.now(), number, servedOn, kind,
                        kind == PenaltyKind.FINE ? fineFen : 0, circumstance,
                        kind == PenaltyKind.FINE && ctx.rules().hearingRight().isReachedBy(party.kind(), fineFen))));
    }

    /** Records the party's hearing request; only within the 5-working-day window and where the right exists. */
    public Outcome<PenaltyCaseEvent> requestHearing(PenaltyContext ctx, LocalDate requestedOn) {
        return guard(ctx, Step.REQUEST_HEARING, requestedOn).or(() -> {
            if (!intendedHearingRight) {
                return Optional.of("the intended penalty does not give a right to a hearing (行政处罚法 art. 63)");
            }
            Deadline window = hearingWindow(ctx.calendar().get());
            return window.isMetBy(requestedOn) ? Optional.empty()
                    : Optional.of("the hearing request window closed on " + window.dueOn() + " (" + window.article() + ")");
        }).map(PenaltyCase::reject).orElseGet(() -> accept(new HearingRequested(ctx.newEventId(), ctx.now(), number,
                requestedOn)));
    }

    /** Serves the hearing notice at least 7 working days before the hearing (art. 64). */
    public Outcome<PenaltyCaseEvent> serveHearingNotice(PenaltyContext ctx, LocalDate servedOn, LocalDate hearingDay) {
        return guard(ctx, Step.SERVE_HEARING_NOTICE, servedOn).or(() -> {
            LocalDate earliest = HearingNoticeLead.earliestHearingDay(ctx.calendar().get(), servedOn);
            return hearingDay.isBefore(earliest) ? Optional.of("a notice served on " + servedOn
                    + " allows a hearing on " + earliest + " at the earliest (7 working days' notice, 行政处罚法 art. 64)")
                    : Optional.empty();
        }).map(PenaltyCase::reject).orElseGet(() -> accept(new HearingNoticeServed(ctx.newEventId(), ctx.now(), number,
                servedOn, hearingDay)));
    }

    /** Records that the hearing was held. */
    public Outcome<PenaltyCaseEvent> holdHearing(PenaltyContext ctx, LocalDate heldOn, String record) {
        return guard(ctx, Step.HOLD_HEARING, heldOn)
                .or(() -> heldOn.isBefore(hearingDay) ? Optional.of("the hearing was notified for " + hearingDay)
                        : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new HearingHeld(ctx.newEventId(), ctx.now(), number,
                        heldOn, record)));
    }

    /** Records the legal review (法制审核) by a qualified reviewer. */
    public Outcome<PenaltyCaseEvent> completeLegalReview(PenaltyContext ctx, LocalDate reviewedOn, String reviewer,
                                                         boolean approved, String opinion) {
        return guard(ctx, Step.LEGAL_REVIEW, reviewedOn).map(PenaltyCase::reject).orElseGet(() -> accept(
                new LegalReviewCompleted(ctx.newEventId(), ctx.now(), number, reviewedOn, reviewer, approved, opinion)));
    }

    /** Records the collective discussion of the authority's heads (art. 57(2)). */
    public Outcome<PenaltyCaseEvent> holdCollectiveDiscussion(PenaltyContext ctx, LocalDate heldOn, String conclusion) {
        return guard(ctx, Step.DISCUSS, heldOn).map(PenaltyCase::reject).orElseGet(() -> accept(
                new CollectiveDiscussionHeld(ctx.newEventId(), ctx.now(), number, heldOn, conclusion)));
    }

    /**
     * 行政处罚决定. A warning or fine needs the prior notice, a closed hearing window (or a held hearing), an approving
     * legal review where art. 58 applies, a collective discussion where required, an amount inside the matter's
     * discretion band and no heavier than notified (art. 45). No penalty or a transfer may be decided at any time
     * during the investigation.
     */
    public Outcome<PenaltyCaseEvent> decide(PenaltyContext ctx, LocalDate decidedOn, String decisionNumber,
                                            PenaltyKind kind, long fineFen, String circumstance) {
        return guard(ctx, Step.DECIDE, decidedOn)
                .or(() -> kind.isPenalty() && kind != PenaltyKind.WARNING && kind != PenaltyKind.FINE
                        ? Optional.of("decide " + kind.name().toLowerCase().replace('_', ' ') + " with decideSanctions, "
                        + "which may combine it with a fine") : Optional.empty())
                .or(() -> decisionRefusal(ctx, decidedOn, kind, fineFen, circumstance))
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new PenaltyDecided(ctx.newEventId(), ctx.now(), number, decidedOn,
                        decisionNumber, kind, kind == PenaltyKind.FINE ? fineFen : 0, circumstance)));
    }

    private Optional<String> decisionRefusal(PenaltyContext ctx, LocalDate day, PenaltyKind kind, long fine,
                                             String circumstance) {
        if (kind != PenaltyKind.WARNING && kind != PenaltyKind.FINE) {
            return clockStopRefusal("deciding");
        }
        return noticeRefusal(ctx, day)
                .or(() -> fineRefusal(kind, fine, circumstance))
                .or(() -> sanctionsRefusal(ctx, List.of(kind == PenaltyKind.FINE ? Sanction.fine(fine)
                        : Sanction.of(PenaltyKind.WARNING, ""))));
    }

    // The party's rights after the notice (art. 44, 45, 63) and stopped clocks; the same for every penalty.
    private Optional<String> noticeRefusal(PenaltyContext ctx, LocalDate day) {
        if (stage == FILED) {
            return Optional.of("the intended penalty must be notified, with the party's rights, before a penalty is "
                    + "decided (行政处罚法 art. 44)");
        }
        if (stage == NOTIFIED && intendedHearingRight) {
            Deadline window = hearingWindow(ctx.calendar().get());
            if (window.isMetBy(day)) {
                return Optional.of("the hearing request window is open until " + window.dueOn());
            }
        }
        Optional<Deadline> statement = stage == NOTIFIED ? statementPeriod(ctx.calendar().get(), ctx.rules())
                : Optional.empty();
        if (statement.isPresent() && statement.get().isMetBy(day)) {
            return Optional.of("the party may state and defend until " + statement.get().dueOn() + " (行政处罚法 art. 44, "
                    + "45); record its statement as complete to decide earlier");
        }
        return clockStopRefusal("deciding");
    }

    private Optional<String> clockStopRefusal(String doing) {
        return openStops.values().stream().findFirst().map(s -> "the clock is stopped for " + s.kind().label()
                + " since " + s.stoppedOn() + ": record its end before " + doing);
    }

    // Art. 45 (no heavier than notified), 58 (legal review), 57(2) (collective discussion).
    private Optional<String> sanctionsRefusal(PenaltyContext ctx, List<Sanction> sanctions) {
        long fine = HearingRights.total(sanctions, PenaltyKind.FINE);
        if (sanctions.stream().anyMatch(s -> !isCoveredByNotice(s))) {
            return Optional.of("the decision may not be heavier than the notified penalty of "
                    + describe(intendedSanctions) + " (行政处罚法 art. 45)");
        }
        if (legalReviewRequired(ctx.rules(), fine) && (legalReview == null || !legalReview.approved())) {
            return Optional.of("legal review (法制审核) is required for " + legalReviewGround(ctx.rules(), fine)
                    + " under 行政处罚法 art. 58; no decision before it approves");
        }
        if (fine > 0 && ctx.rules().collectiveDiscussion().isReachedBy(party.kind(), fine) && !discussed) {
            return Optional.of("a fine of " + Money.yuan(fine) + " must be decided by collective discussion of the "
                    + "authority's heads (行政处罚法 art. 57)");
        }
        return Optional.empty();
    }

    // A warning is covered by any notice; any other penalty by a notified one of its kind and no smaller amount.
    private boolean isCoveredByNotice(Sanction decided) {
        return decided.kind() == PenaltyKind.WARNING && !intendedSanctions.isEmpty()
                || intendedSanctions.stream().anyMatch(decided::isCoveredBy);
    }

    private static String describe(List<Sanction> sanctions) {
        return String.join(", ", sanctions.stream().map(Sanction::describe).toList());
    }

    private boolean legalReviewRequired(PenaltyRules rules, long fine) {
        return rules.legalReviewForAll() || major || hearingHeldOn != null
                || rules.legalReview().isReachedBy(party.kind(), fine);
    }

    private String legalReviewGround(PenaltyRules rules, long fine) {
        if (hearingHeldOn != null) {
            return "a decision after a hearing";
        }
        if (major) {
            return "a major case";
        }
        return rules.legalReview().isReachedBy(party.kind(), fine) ? "a fine of " + Money.yuan(fine)
                : "every general-procedure decision (local rule)";
    }

    private Optional<String> fineRefusal(PenaltyKind kind, long fine, String circumstance) {
        if (kind != PenaltyKind.FINE) {
            return Optional.empty();
        }
        if (fine <= 0) {
            return Optional.of("a fine must be a positive amount");
        }
        return matter.band().refusal(circumstance, fine);
    }

    /**
     * 电子签章: records that the document of decision {@code decisionNumber} was sealed and its seal verified. Only a
     * decided case has a document to seal; whether service must wait for it is the platform's rule, not the law's.
     */
    public Outcome<PenaltyCaseEvent> recordDecisionSealed(PenaltyContext ctx, String decisionNumber, Sm3 documentDigest,
                                                          String sealId, String verification) {
        if (decidedOn == null) {
            return reject("no decision has been made, so there is no decision document to seal");
        }
        return accept(new DecisionSealed(ctx.newEventId(), ctx.now(), number, decisionNumber, documentDigest, sealId,
                verification));
    }

    /** 送达: within 7 working days of the decision (art. 61); a late service is recorded but flagged by the deadline. */
    public Outcome<PenaltyCaseEvent> serveDecision(PenaltyContext ctx, LocalDate servedOn, String method,
                                                   String recipient) {
        return guard(ctx, Step.SERVE, servedOn)
                .or(() -> servedOn.isBefore(decidedOn) ? Optional.of("a decision cannot be served before it was made on "
                        + decidedOn) : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new DecisionServed(ctx.newEventId(), ctx.now(), number,
                        servedOn, method, recipient)));
    }

    /** 双公示: records the publication of the decision. */
    public Outcome<PenaltyCaseEvent> publishDecision(PenaltyContext ctx, LocalDate publishedOn) {
        return guard(ctx, Step.PUBLISH, publishedOn)
                .or(() -> publishedOn != null && this.publishedOn != null ? Optional.of("the decision was already "
                        + "published on " + this.publishedOn) : Optional.empty())
                .or(() -> summary ? Optional.of("on-the-spot decisions are not published") : Optional.empty())
                .or(() -> change != null ? Optional.of("the decision was " + change.change().describe() + " on "
                        + change.changedOn() + " and is not published (行政处罚法 art. 48)") : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new DecisionPublished(ctx.newEventId(), ctx.now(),
                        number, publishedOn)));
    }

    /** Approves deferral (one instalment) or instalments (art. 66); they must add up to the outstanding fine. */
    public Outcome<PenaltyCaseEvent> approvePaymentPlan(PenaltyContext ctx, List<PlannedInstalment> instalments) {
        long total = instalments.stream().mapToLong(PlannedInstalment::amountFen).sum();
        return guard(ctx, Step.APPROVE_PLAN, ctx.today())
                .or(() -> outstandingFine() == 0 ? Optional.of("no fine is outstanding") : Optional.empty())
                .or(() -> total != outstandingFine() ? Optional.of("the instalments add up to " + Money.yuan(total)
                        + " but " + Money.yuan(outstandingFine()) + " is outstanding") : Optional.empty())
                .or(() -> instalments.stream().anyMatch(i -> i.amountFen() <= 0)
                        ? Optional.of("every instalment must be a positive amount") : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new PaymentPlanApproved(ctx.newEventId(), ctx.now(),
                        number, instalments.stream().sorted(Comparator.comparing(PlannedInstalment::dueOn)).toList())));
    }

    /** Records a payment of {@code amountFen} towards the fine; any surcharge accrued is due with it. */
    public Outcome<PenaltyCaseEvent> recordPayment(PenaltyContext ctx, LocalDate paidOn, long amountFen) {
        return guard(ctx, Step.PAY, paidOn)
                .or(() -> amountFen <= 0 || amountFen > outstandingFine() ? Optional.of("a payment must be between 0.01 "
                        + "yuan and the outstanding " + Money.yuan(outstandingFine())) : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new FinePaid(ctx.newEventId(), ctx.now(), number,
                        paidOn, amountFen, surchargeOn(ctx.calendar().get(), paidOn))));
    }

    /**
     * Applies to the people's court for enforcement (行政强制法 art. 53–54): the fine is overdue, the written reminder
     * was served on {@code reminderServedOn}, and today is inside the window.
     */
    public Outcome<PenaltyCaseEvent> applyForCourtEnforcement(PenaltyContext ctx, LocalDate appliedOn,
                                                              LocalDate reminderServedOn) {
        WorkingDayCalendar calendar = ctx.calendar().get();
        return guard(ctx, Step.APPLY_TO_COURT, appliedOn)
                .or(() -> outstandingFine() == 0 ? Optional.of("no fine is outstanding") : Optional.empty())
                .or(() -> {
                    CourtEnforcementWindow window = CourtEnforcementWindow.of(calendar, servedOn, reminderServedOn);
                    if (appliedOn.isBefore(window.opensOn())) {
                        return Optional.of("court enforcement may be applied for from " + window.opensOn()
                                + ", after the review and litigation periods and the 10-day reminder (行政强制法 art. 53, 54)");
                    }
                    return window.isOpenOn(appliedOn) ? Optional.empty()
                            : Optional.of("the window for court enforcement closed on " + window.closes().dueOn());
                })
                .map(PenaltyCase::reject).orElseGet(() -> accept(new CourtEnforcementApplied(ctx.newEventId(),
                        ctx.now(), number, appliedOn, reminderServedOn)));
    }

    /** 中止: stops the decision clock until resumed. */
    public Outcome<PenaltyCaseEvent> suspend(PenaltyContext ctx, LocalDate suspendedOn, String reason) {
        return guard(ctx, Step.SUSPEND, suspendedOn).map(PenaltyCase::reject).orElseGet(() -> accept(
                new CaseSuspended(ctx.newEventId(), ctx.now(), number, suspendedOn, reason)));
    }

    /** Resumes a suspended case. */
    public Outcome<PenaltyCaseEvent> resume(PenaltyContext ctx, LocalDate resumedOn) {
        return guard(ctx, Step.RESUME, resumedOn)
                .or(() -> resumedOn.isBefore(suspendedOn) ? Optional.of("the case was suspended on " + suspendedOn)
                        : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new CaseResumed(ctx.newEventId(), ctx.now(), number,
                        resumedOn)));
    }

    /** 结案: after service when nothing is outstanding, after payment, or after applying to the court. */
    public Outcome<PenaltyCaseEvent> close(PenaltyContext ctx, LocalDate closedOn, String summaryText) {
        return guard(ctx, Step.CLOSE, closedOn)
                .or(() -> stage == SERVED && outstandingFine() > 0 ? Optional.of("a fine of "
                        + Money.yuan(outstandingFine()) + " is still unpaid") : Optional.empty())
                .map(PenaltyCase::reject).orElseGet(() -> accept(new CaseClosed(ctx.newEventId(), ctx.now(), number,
                        closedOn, summaryText)));
    }

    /** 归档. */
    public Outcome<PenaltyCaseEvent> archive(PenaltyContext ctx, LocalDate archivedOn) {
        return guard(ctx, Step.ARCHIVE, archivedOn).map(PenaltyCase::reject).orElseGet(() -> accept(
                new CaseArchived(ctx.newEventId(), ctx.now(), number, archivedOn)));
    }

    // ---------------------------------------------------------------- penalties besides warnings and fines

    /**
     * 事先告知 of one or more penalties (行政处罚法 art. 44): e.g. a fine with the confiscation of illegal gains, or a
     * licence revocation. The hearing right follows art. 63 as configured ({@link PenaltyRules#hearingRight()},
     * {@link PenaltyRules#hearingRights()}); without it the party may state and defend during the configured
     * statement period.
     */
    public Outcome<PenaltyCaseEvent> notifyIntendedSanctions(PenaltyContext ctx, LocalDate servedOn,
                                                             List<Sanction> sanctions, String circumstance) {
        long fine = HearingRights.total(sanctions, PenaltyKind.FINE);
        Optional<String> hearing = ctx.rules().hearingRights().ground(party.kind(), sanctions,
                ctx.rules().hearingRight());
        return guard(ctx, Step.NOTIFY_SANCTIONS, servedOn)
                .or(() -> evidence.isEmpty() ? Optional.of("record the evidence before notifying an intended penalty")
                        : Optional.empty())
                .or(() -> sanctions.isEmpty() ? Optional.of("name at least one intended penalty") : Optional.empty())
                .or(() -> fine > 0 ? fineRefusal(PenaltyKind.FINE, fine, circumstance) : Optional.empty())
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new SanctionsIntended(ctx.newEventId(), ctx.now(), number, servedOn,
                        List.copyOf(sanctions), circumstance, hearing.isPresent(), hearing.orElse(""))));
    }

    /**
     * Records the party's statement and defence (陈述、申辩, art. 45); {@code complete} when the party says it has
     * nothing to add, which ends the statement period early.
     */
    public Outcome<PenaltyCaseEvent> recordStatement(PenaltyContext ctx, LocalDate receivedOn, String statement,
                                                     boolean complete) {
        return guard(ctx, Step.RECORD_STATEMENT, receivedOn)
                .or(() -> receivedOn.isBefore(intendedOn) ? Optional.of("the notice was served on " + intendedOn)
                        : Optional.empty())
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new StatementRecorded(ctx.newEventId(), ctx.now(), number, receivedOn,
                        statement, complete)));
    }

    /**
     * 行政处罚决定 of one or more penalties, after their notice: the same rules as {@link #decide} — hearing window,
     * statement period, discretion band for the fine, no heavier than notified (art. 45), legal review (art. 58),
     * collective discussion (art. 57).
     */
    public Outcome<PenaltyCaseEvent> decideSanctions(PenaltyContext ctx, LocalDate decidedOn, String decisionNumber,
                                                     List<Sanction> sanctions, String circumstance) {
        long fine = HearingRights.total(sanctions, PenaltyKind.FINE);
        return guard(ctx, Step.DECIDE_SANCTIONS, decidedOn)
                .or(() -> sanctions.isEmpty() ? Optional.of("name at least one penalty; decide no penalty or a "
                        + "transfer with decide") : Optional.empty())
                .or(() -> noticeRefusal(ctx, decidedOn))
                .or(() -> fine > 0 ? fineRefusal(PenaltyKind.FINE, fine, circumstance) : Optional.empty())
                .or(() -> sanctionsRefusal(ctx, sanctions))
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new SanctionsDecided(ctx.newEventId(), ctx.now(), number, decidedOn,
                        decisionNumber, List.copyOf(sanctions), circumstance)));
    }

    // ---------------------------------------------------------------- announcement and testing time

    /**
     * Stops the clock for an announcement (公告) or for testing or appraisal while the case goes on; the time until
     * {@link #restartClock} is not counted in the decision period (testing also not in the filing period). No
     * decision is made while the clock is stopped.
     */
    public Outcome<PenaltyCaseEvent> stopClock(PenaltyContext ctx, ClockStop kind, LocalDate stoppedOn,
                                               String reason) {
        return guard(ctx, Step.STOP_CLOCK, stoppedOn)
                .or(() -> stage == LEAD && kind != ClockStop.TESTING ? Optional.of("before filing only testing or "
                        + "appraisal stops the filing period") : Optional.empty())
                .or(() -> openStops.containsKey(kind) ? Optional.of("the clock is already stopped for "
                        + kind.label() + " since " + openStops.get(kind).stoppedOn()) : Optional.empty())
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new ClockStopped(ctx.newEventId(), ctx.now(), number, kind, stoppedOn,
                        reason)));
    }

    /** Restarts the clock stopped for {@code kind}. */
    public Outcome<PenaltyCaseEvent> restartClock(PenaltyContext ctx, ClockStop kind, LocalDate restartedOn) {
        return guard(ctx, Step.RESTART_CLOCK, restartedOn)
                .or(() -> !openStops.containsKey(kind) ? Optional.of("the clock is not stopped for " + kind.label())
                        : Optional.empty())
                .or(() -> openStops.containsKey(kind) && restartedOn.isBefore(openStops.get(kind).stoppedOn())
                        ? Optional.of("the clock stopped on " + openStops.get(kind).stoppedOn()) : Optional.empty())
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new ClockRestarted(ctx.newEventId(), ctx.now(), number, kind, restartedOn)));
    }

    // ---------------------------------------------------------------- after the decision: change and withdrawal

    /**
     * Records that the decision was changed, revoked, or confirmed unlawful or invalid (by review, a court or the
     * authority itself); a published decision must then be withdrawn within 3 working days (art. 48(2)).
     */
    public Outcome<PenaltyCaseEvent> recordDecisionChange(PenaltyContext ctx, LocalDate changedOn,
                                                          DecisionChange what, String by, String reason) {
        return guard(ctx, Step.RECORD_CHANGE, changedOn)
                .or(() -> changedOn.isBefore(decidedOn) ? Optional.of("the decision was made on " + decidedOn)
                        : Optional.empty())
                .or(() -> change != null ? Optional.of("the decision was already " + change.change().describe()
                        + " on " + change.changedOn()) : Optional.empty())
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new DecisionChanged(ctx.newEventId(), ctx.now(), number, changedOn, what, by,
                        reason)));
    }

    /** 双公示: withdraws the published decision after its change and makes the reasons public (art. 48(2)). */
    public Outcome<PenaltyCaseEvent> withdrawPublication(PenaltyContext ctx, LocalDate withdrawnOn,
                                                         String explanation) {
        return guard(ctx, Step.WITHDRAW_PUBLICATION, withdrawnOn)
                .or(() -> publishedOn == null ? Optional.of("the decision was not published") : Optional.empty())
                .or(() -> change == null ? Optional.of("a publication is withdrawn only after the decision was "
                        + "changed, revoked, or confirmed unlawful or invalid (行政处罚法 art. 48)") : Optional.empty())
                .or(() -> this.withdrawnOn != null ? Optional.of("the publication was withdrawn "
                        + "on " + this.withdrawnOn) : Optional.empty())
                .or(() -> explanation.isBlank() ? Optional.of("the reasons for the withdrawal are made public "
                        + "(行政处罚法 art. 48)") : Optional.empty())
                .map(PenaltyCase::reject)
                .orElseGet(() -> accept(new PublicationWithdrawn(ctx.newEventId(), ctx.now(), number, withdrawnOn,
                        explanation)));
    }

    // ---------------------------------------------------------------- the guard

    private Optional<String> guard(PenaltyContext ctx, Step step, LocalDate day) {
        if (day != null && day.isAfter(ctx.today())) {
            return Optional.of("the date " + day + " is in the future");
        }
        if (suspendedOn != null && step != Step.RESUME) {
            return Optional.of("the case is suspended (中止) since " + suspendedOn + ": resume it before you "
                    + step.action);
        }
        if (suspendedOn == null && step == Step.RESUME) {
            return Optional.of("the case is not suspended");
        }
        if (!step.allowed.contains(stage)) {
            return Optional.of("cannot " + step.action + " while the case is " + stage.description());
        }
        return Optional.empty();
    }

    private static Outcome<PenaltyCaseEvent> reject(String reason) {
        return Outcome.rejected(reason);
    }

    private Outcome<PenaltyCaseEvent> accept(PenaltyCaseEvent event) {
        apply(event);
        return Outcome.accepted(event);
    }

    // ---------------------------------------------------------------- applying events (the only state changes)

    /** Applies an event of this case; used by the commands and by replay. */
    void apply(PenaltyCaseEvent e) {
        if (number != null && !number.equals(e.caseNumber())) {
            throw new IllegalArgumentException("event of case " + e.caseNumber() + " applied to case " + number);
        }
        if (number == null && !(e instanceof LeadRegistered || e instanceof SummaryPenaltyImposed)) {
            throw new IllegalArgumentException("a case starts with LeadRegistered or SummaryPenaltyImposed, not "
                    + e.getClass().getSimpleName());
        }
        history.add(e);
        if (e instanceof LeadRegistered l) {
            open(l.caseNumber(), l.subject(), l.matter(), l.party(), l.place(), l.discoveredOn());
            stage = LEAD;
        } else if (e instanceof SummaryPenaltyImposed s) {
            open(s.caseNumber(), s.subject(), s.matter(), s.party(), s.place(), s.decidedOn());
            summary = true;
            decidedSanctions = List.of(s.kind() == PenaltyKind.FINE ? Sanction.fine(s.fineFen())
                    : Sanction.of(s.kind(), ""));
            fineFen = s.fineFen();
            decidedOn = s.decidedOn();
            servedOn = s.decidedOn();
            stage = SERVED;
        } else if (e instanceof CaseFiled f) {
            filedOn = f.filedOn();
            stage = FILED;
        } else if (e instanceof FilingDeclined) {
            stage = CLOSED;
        } else if (e instanceof PeriodExtended x) {
            if (x.rule().equals(FilingDeadline.NAME)) {
                filingExtended = true;
            } else {
                decisionExtended = true;
            }
        } else if (e instanceof MarkedMajor) {
            major = true;
        } else if (e instanceof EvidenceRecorded ev) {
            evidence.add(ev);
        } else if (e instanceof EvidenceLocated l) {
            evidence.locate(l.evidenceId(), l.location());
        } else if (e instanceof PenaltyIntended i) {
            notified(i.servedOn(), i.hearingRight(), List.of(i.kind() == PenaltyKind.FINE ? Sanction.fine(i.fineFen())
                    : Sanction.of(i.kind(), "")));
        } else if (e instanceof SanctionsIntended i) {
            notified(i.servedOn(), i.hearingRight(), i.sanctions());
        } else if (e instanceof StatementRecorded r) {
            statementComplete |= r.complete();
        } else if (e instanceof HearingRequested h) {
            hearingRequestedOn = h.requestedOn();
            stage = HEARING_REQUESTED;
        } else if (e instanceof HearingNoticeServed n) {
            hearingDay = n.hearingDay();
            stage = HEARING_SCHEDULED;
        } else if (e instanceof HearingHeld h) {
            hearingHeldOn = h.heldOn();
            excluded.add(new ExcludedPeriod("听证 (hearing)", hearingRequestedOn, h.heldOn()));
            stage = HEARD;
        } else if (e instanceof LegalReviewCompleted r) {
            legalReview = r;
        } else if (e instanceof CollectiveDiscussionHeld) {
            discussed = true;
        } else if (e instanceof PenaltyDecided d) {
            decidedSanctions = d.kind() == PenaltyKind.FINE ? List.of(Sanction.fine(d.fineFen()))
                    : d.kind() == PenaltyKind.WARNING ? List.of(Sanction.of(PenaltyKind.WARNING, "")) : List.of();
            fineFen = d.fineFen();
            decidedOn = d.decidedOn();
            stage = DECIDED;
        } else if (e instanceof SanctionsDecided d) {
            decidedSanctions = d.sanctions();
            fineFen = HearingRights.total(d.sanctions(), PenaltyKind.FINE);
            decidedOn = d.decidedOn();
            stage = DECIDED;
        } else if (e instanceof ClockStopped c) {
            openStops.put(c.kind(), c);
        } else if (e instanceof ClockRestarted r) {
            ClockStopped c = openStops.remove(r.kind());
            excluded.add(new ExcludedPeriod(c.kind().label() + ": " + c.reason(), c.stoppedOn(), r.restartedOn()));
        } else if (e instanceof DecisionChanged c) {
            change = c;
        } else if (e instanceof PublicationWithdrawn w) {
            withdrawnOn = w.withdrawnOn();
        } else if (e instanceof DecisionServed s) {
            servedOn = s.servedOn();
            stage = SERVED;
        } else if (e instanceof DecisionPublished p) {
            publishedOn = p.publishedOn();
        } else if (e instanceof PaymentPlanApproved p) {
            plan = p.instalments();
        } else if (e instanceof FinePaid p) {
            payments.add(p);
            if (outstandingFine() == 0) {
                stage = EXECUTED;
            }
        } else if (e instanceof CourtEnforcementApplied) {
            stage = COURT_ENFORCEMENT;
        } else if (e instanceof CaseSuspended s) {
            suspendedOn = s.suspendedOn();
            suspensionReason = s.reason();
        } else if (e instanceof CaseResumed r) {
            excluded.add(new ExcludedPeriod("中止: " + suspensionReason, suspendedOn, r.resumedOn()));
            suspendedOn = null;
            suspensionReason = null;
        } else if (e instanceof CaseClosed) {
            stage = CLOSED;
        } else if (e instanceof CaseArchived) {
            stage = ARCHIVED;
        }
    }

    private void notified(LocalDate on, boolean hearingRight, List<Sanction> sanctions) {
        intendedOn = on;
        intendedHearingRight = hearingRight;
        intendedSanctions = sanctions;
        stage = NOTIFIED;
    }

    private void open(CaseNumber n, SubjectId s, MatterVersion m, Party p, RegionCode where, LocalDate discovered) {
        this.number = n;
        this.subject = s;
        this.matter = m;
        this.party = p;
        this.place = where;
        this.discoveredOn = discovered;
    }

    // ---------------------------------------------------------------- the legal clock of this case

    private Deadline hearingWindow(WorkingDayCalendar calendar) {
        return HearingRequestWindow.closes(calendar, intendedOn);
    }

    private List<ExcludedPeriod> excludedAsOf(LocalDate asOf) {
        List<ExcludedPeriod> all = new ArrayList<>(excluded);
        if (suspendedOn != null && asOf.isAfter(suspendedOn)) {
            all.add(new ExcludedPeriod("中止: " + suspensionReason, suspendedOn, asOf));
        }
        if (hearingRequestedOn != null && hearingHeldOn == null && asOf.isAfter(hearingRequestedOn)) {
            all.add(new ExcludedPeriod("听证 (hearing)", hearingRequestedOn, asOf));
        }
        for (ClockStopped c : openStops.values()) {
            if (asOf.isAfter(c.stoppedOn())) {
                all.add(new ExcludedPeriod(c.kind().label() + ": " + c.reason(), c.stoppedOn(), asOf));
            }
        }
        return all;
    }

    private boolean clockStopped() {
        return suspendedOn != null || (hearingRequestedOn != null && hearingHeldOn == null) || !openStops.isEmpty();
    }

    /**
     * The deadlines running for this case on {@code asOf}, each with its rule and article; empty once nothing is
     * due (closed, executed, with the court).
     */
    public List<Deadline> deadlines(WorkingDayCalendar calendar, PenaltyRules rules, LocalDate asOf) {
        List<Deadline> result = new ArrayList<>();
        switch (stage) {
            case LEAD -> result.add(pausedIfStopped(new FilingDeadline(rules.procedures()).due(calendar,
                    matter.domain(), discoveredOn, filingExtended, excludedAsOf(asOf))));
            case FILED, NOTIFIED, HEARING_REQUESTED, HEARING_SCHEDULED, HEARD -> {
                result.add(pausedIfStopped(new DecisionDeadline(rules.procedures()).due(calendar, matter.domain(),
                        filedOn, decisionExtended, excludedAsOf(asOf))));
                if (stage == NOTIFIED && intendedHearingRight) {
                    result.add(hearingWindow(calendar));
                }
                if (stage == HEARING_REQUESTED) {
                    result.add(HearingNoticeLead.latestNotice(calendar, HearingNoticeLead.earliestHearingDay(calendar,
                            asOf)));
                }
            }
            case DECIDED -> result.add(ServiceDeadline.due(calendar, decidedOn));
            case SERVED -> currentPaymentDeadline(calendar).ifPresent(result::add);
            default -> { }
        }
        if (decidedOn != null && !summary && publishedOn == null && isPublishable() && change == null) {
            result.add(DecisionPublicationDeadline.due(calendar, decidedOn));
        }
        if (change != null && publishedOn != null && withdrawnOn == null) {
            result.add(PublicationWithdrawalDeadline.due(calendar, change.changedOn()));
        }
        return result;
    }

    private boolean isPublishable() {
        return !decidedSanctions.isEmpty();
    }

    private Deadline pausedIfStopped(Deadline d) {
        return clockStopped() ? d.asPaused() : d;
    }

    /** The worst state of the running deadlines on {@code asOf} (ON_TIME when none runs). */
    public DeadlineState status(WorkingDayCalendar calendar, PenaltyRules rules, LocalDate asOf) {
        return Deadline.worstStateOn(deadlines(calendar, rules, asOf), asOf);
    }

    private Optional<Deadline> currentPaymentDeadline(WorkingDayCalendar calendar) {
        if (outstandingFine() == 0) {
            return Optional.empty();
        }
        if (plan.isEmpty()) {
            return Optional.of(PaymentDeadline.due(calendar, servedOn));
        }
        long covered = paidFine();
        for (PlannedInstalment i : plan) {
            if (covered < i.amountFen()) {
                return Optional.of(PaymentDeadline.deferred(calendar, i.dueOn()));
            }
            covered -= i.amountFen();
        }
        return Optional.empty();
    }

    /**
     * 加处罚款 accrued by {@code asOf} on what is unpaid (art. 72): on the whole fine from the day after the payment
     * deadline, or per instalment under an approved plan; never more than the fine.
     */
    public long surchargeOn(WorkingDayCalendar calendar, LocalDate asOf) {
        if (fineFen == 0) {
            return 0;
        }
        if (plan.isEmpty()) {
            LocalDate due = PaymentDeadline.due(calendar, servedOn).dueOn();
            return LatePaymentSurcharge.accrued(fineFen, instalmentsPaidAgainst(
                    List.of(new PlannedInstalment(fineFen, due))), asOf);
        }
        return LatePaymentSurcharge.accrued(fineFen, instalmentsPaidAgainst(plan.stream()
                .map(i -> new PlannedInstalment(i.amountFen(), PaymentDeadline.deferred(calendar, i.dueOn()).dueOn()))
                .toList()), asOf);
    }

    // Allocates payments in order to instalments; an instalment counts as paid on the day it is fully covered.
    private List<LatePaymentSurcharge.Instalment> instalmentsPaidAgainst(List<PlannedInstalment> due) {
        List<LatePaymentSurcharge.Instalment> result = new ArrayList<>();
        int p = 0;
        long leftInPayment = payments.isEmpty() ? 0 : payments.get(0).fineFen();
        for (PlannedInstalment i : due) {
            long needed = i.amountFen();
            LocalDate paidOn = null;
            while (needed > 0 && p < payments.size()) {
                long used = Math.min(needed, leftInPayment);
                needed -= used;
                leftInPayment -= used;
                if (needed == 0) {
                    paidOn = payments.get(p).paidOn();
                }
                if (leftInPayment == 0 && ++p < payments.size()) {
                    leftInPayment = payments.get(p).fineFen();
                }
            }
            result.add(new LatePaymentSurcharge.Instalment(i.amountFen(), i.dueOn(), paidOn));
        }
        return result;
    }

    // ---------------------------------------------------------------- reading the case

    /** The case number. */
    public CaseNumber number() {
        return number;
    }

    /** The stage. */
    public PenaltyStage stage() {
        return stage;
    }

    /** Whether the case is suspended (中止) now. */
    public boolean isSuspended() {
        return suspendedOn != null;
    }

    /** Whether the case was decided on the spot (简易程序). */
    public boolean isSummary() {
        return summary;
    }

    /** The matter version the case was opened under (kept even if the matter changes later). */
    public MatterVersion matter() {
        return matter;
    }

    /** The subject handling the case. */
    public SubjectId subject() {
        return subject;
    }

    /** The party. */
    public Party party() {
        return party;
    }

    /** Where the facts took place. */
    public RegionCode place() {
        return place;
    }

    /** The evidence recorded, in order. */
    public List<EvidenceRecorded> evidence() {
        return evidence.recorded();
    }

    /** Where 粤政图 placed each located evidence item, by evidence id. */
    public Map<String, EvidenceLocation> evidenceLocations() {
        return evidence.locations();
    }

    /** The fine decided, in fen (0 if none). */
    public long fineFen() {
        return fineFen;
    }

    /** The penalties decided (empty before a decision, or for no penalty or a transfer). */
    public List<Sanction> sanctions() {
        return decidedSanctions;
    }

    /** The penalties notified as intended (empty before the notice). */
    public List<Sanction> intendedSanctions() {
        return intendedSanctions;
    }

    /** Whether the notified penalties give the party a right to a hearing (art. 63). */
    public boolean hasHearingRight() {
        return intendedHearingRight;
    }

    /**
     * The statement-and-defence period after the notice when there is no hearing right and {@code rules} configure
     * one, unless the party has finished its statement; empty otherwise. Not a deadline of the authority: no penalty is
     * decided before it ends.
     */
    public Optional<Deadline> statementPeriod(WorkingDayCalendar calendar, PenaltyRules rules) {
        if (intendedOn == null || intendedHearingRight || statementComplete || rules.statementWorkingDays() == 0) {
            return Optional.empty();
        }
        return Optional.of(StatementPeriod.closes(calendar, intendedOn, rules.statementWorkingDays()));
    }

    /** The change of the decision after it was made (变更、撤销、确认违法、确认无效), if any. */
    public Optional<DecisionChanged> decisionChange() {
        return Optional.ofNullable(change);
    }

    /** The fine paid so far, in fen. */
    public long paidFine() {
        return payments.stream().mapToLong(FinePaid::fineFen).sum();
    }

    /** The fine still unpaid, in fen. */
    public long outstandingFine() {
        return fineFen - paidFine();
    }

    /** The time excluded from the decision period so far (hearing, 中止). */
    public List<ExcludedPeriod> excludedPeriods() {
        return List.copyOf(excluded);
    }

    /** Every event applied, in order. */
    public List<PenaltyCaseEvent> history() {
        return List.copyOf(history);
    }

    /** The number of events applied (the case's version, for optimistic locking). */
    public int version() {
        return history.size();
    }
}
