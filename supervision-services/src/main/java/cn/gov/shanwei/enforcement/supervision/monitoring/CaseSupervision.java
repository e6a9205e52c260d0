package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.common.Money;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.deadline.DecisionPublicationDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseDeadlines;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualification;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualificationRepository;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Case supervision (案件监督): the live status of every open case in a supervisor's jurisdiction with its
 * deadlines from the legal clock, and the alerts (预警) a supervisor must see. Reads the read model only.
 */
public final class CaseSupervision {

    private static final Comparator<LiveCaseStatus> WORST_FIRST = OpenCaseBoard.mostUrgentFirst(
            LiveCaseStatus::state, LiveCaseStatus::nextDue, LiveCaseStatus::number);

    /**
     * A jurisdiction's open cases as a page shows them.
     *
     * @param total   how many open cases were selected
     * @param byState how many of them are in each deadline state
     * @param cases   the most urgent of them with their live status, most urgent first
     */
    public record OpenCases(int total, Map<DeadlineState, Integer> byState, List<LiveCaseStatus> cases) {
        public OpenCases {
            byState = Map.copyOf(byState);
            cases = List.copyOf(cases);
        }
    }

    private final CaseReadModel model;
    private final CaseDeadlines deadlines;
    private final SupervisionRegistry registry;
    private final AlertPolicy policy;
    private final LegalQualificationRepository qualifications;

    /**
     * Case supervision that does not check legal reviewers' qualifications.
     *
     * @param model     the read model of the case platform's events
     * @param deadlines the legal clock over it
     * @param registry  subjects and officers
     * @param policy    alert thresholds
     */
    public CaseSupervision(CaseReadModel model, CaseDeadlines deadlines, SupervisionRegistry registry,
                           AlertPolicy policy) {
        this(model, deadlines, registry, policy, null);
    }

    /**
     * Case supervision that also raises {@link AlertKind#UNQUALIFIED_LEGAL_REVIEW}.
     *
     * @param model          the read model of the case platform's events
     * @param deadlines      the legal clock over it
     * @param registry       subjects and officers
     * @param policy         alert thresholds
     * @param qualifications the legal qualifications on record ({@code null}: not checked)
     */
    public CaseSupervision(CaseReadModel model, CaseDeadlines deadlines, SupervisionRegistry registry,
                           AlertPolicy policy, LegalQualificationRepository qualifications) {
        this.qualifications = qualifications;
        this.model = Objects.requireNonNull(model, "model");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The open cases of every subject {@code supervisor} watches, the most urgent first (overdue, due soon,
     * paused, on time; then by next due day).
     *
     * @throws cn.gov.shanwei.enforcement.domain.common.DomainValidationException if {@code supervisor} is not a
     *         known supervisory subject
     */
    public List<LiveCaseStatus> openCases(SubjectId supervisor, LocalDate asOf) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        return model.all().stream()
                .filter(c -> c.isOpen() && registry.watches(sup, c.subject()))
                .map(c -> status(c, asOf))
                .flatMap(Optional::stream)
                .sorted(WORST_FIRST)
                .toList();
    }

    /**
     * The open cases of the subjects {@code supervisor} watches and {@code filter} selects, as kept by {@code board}
     * on its day: how many, by state, and the {@code limit} most urgent with their live status — the same cases, in
     * the same order, as the start of {@link #openCases(SubjectId, LocalDate)}, without computing every case's
     * deadlines again.
     *
     * @throws cn.gov.shanwei.enforcement.domain.common.DomainValidationException if {@code supervisor} is not a
     *         known supervisory subject
     */
    public OpenCases openCases(SubjectId supervisor, OpenCaseBoard board, Predicate<SubjectId> filter, int limit) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        List<SubjectId> subjects = registry.subjects().stream().map(EnforcementSubject::id)
                .filter(s -> registry.watches(sup, s) && filter.test(s)).toList();
        OpenCaseBoard.Selection selection = board.mostUrgent(subjects, limit);
        List<LiveCaseStatus> cases = selection.first().stream().map(e -> status(e.number(), board.day()))
                .flatMap(Optional::stream).toList();
        return new OpenCases(selection.total(), selection.byState(), cases);
    }

    /** The live status of one case, if known (open or not). */
    public Optional<LiveCaseStatus> status(CaseNumber number, LocalDate asOf) {
        return model.facts(number).flatMap(c -> status(c, asOf));
    }

    /** Whether {@code supervisor} watches the subject of case {@code number}. */
    public boolean watches(SubjectId supervisor, CaseNumber number) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        return model.facts(number).map(c -> registry.watches(sup, c.subject())).orElse(false);
    }

    private Optional<LiveCaseStatus> status(CaseFacts c, LocalDate asOf) {
        Optional<PenaltyCase> pc = model.replay(c.number());
        if (pc.isEmpty()) {
            return Optional.empty();
        }
        List<Deadline> running = deadlines.of(pc.get(), asOf);
        String subjectName = registry.subject(c.subject()).map(EnforcementSubject::name).orElse(c.subject().value());
        return Optional.of(new LiveCaseStatus(c.number(), c.subject(), subjectName, registry.countyOf(c.subject()),
                c.matter().name(), c.party().name(), pc.get().stage(), c.suspended(), c.filedOn(), c.fineFen(),
                worst(running, asOf), running));
    }

    /**
     * Every alert on the cases {@code supervisor} watches, the most severe first.
     *
     * @throws cn.gov.shanwei.enforcement.domain.common.DomainValidationException if {@code supervisor} is not a
     *         known supervisory subject
     */
    public List<Alert> alerts(SubjectId supervisor, LocalDate asOf) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        List<CaseFacts> watched = model.all().stream().filter(c -> registry.watches(sup, c.subject())).toList();
        Map<String, List<CaseFacts>> byParty = watched.stream()
                .collect(Collectors.groupingBy(c -> c.party().idNumber()));
        List<Alert> alerts = new ArrayList<>();
        for (CaseFacts c : watched) {
            alerts.addAll(alertsOf(c, byParty.get(c.party().idNumber()), asOf));
        }
        alerts.sort(Comparator.comparing((Alert a) -> a.severity()).reversed()
                .thenComparing(a -> a.caseNumber().value()).thenComparing(Alert::id));
        return alerts;
    }

    /**
     * The alerts on one case now (what a push after one event shows); the party's other cases are looked up in the
     * whole read model.
     */
    public List<Alert> alertsOf(CaseNumber number, LocalDate asOf) {
        return model.facts(number).map(c -> alertsOf(c, model.all().stream()
                .filter(o -> o.party().idNumber().equals(c.party().idNumber())).toList(), asOf)).orElse(List.of());
    }

    private List<Alert> alertsOf(CaseFacts c, List<CaseFacts> sameParty, LocalDate asOf) {
        List<Alert> alerts = new ArrayList<>();
        if (c.isOpen()) {
            for (Deadline d : deadlines.of(c.number(), asOf)) {
                if (d.rule().equals(DecisionPublicationDeadline.RULE.name())) {
                    continue; // reported as LATE_PUBLICATION below
                }
                DeadlineState s = d.stateOn(asOf, policy.dueSoonDays());
                if (s == DeadlineState.OVERDUE || s == DeadlineState.DUE_SOON) {
                    AlertKind kind = s == DeadlineState.OVERDUE ? AlertKind.DEADLINE_OVERDUE
                            : AlertKind.DEADLINE_DUE_SOON;
                    alerts.add(alert(kind, c, d.rule(), d.describe(), d.rule(), d.article(), asOf));
                }
            }
        }
        fineOutsideBand(c).ifPresent(reason -> alerts.add(alert(AlertKind.FINE_OUTSIDE_BAND, c, "band",
                reason, "DiscretionBand", "裁量基准 of " + c.matter().code() + " v" + c.matter().version()
                        + "; " + c.matter().basis(), asOf)));
        latePublication(c, asOf).ifPresent(a -> alerts.add(a));
        if (c.closedOn() != null && c.hasUnpaidFine() && c.courtEnforcementOn() == null) {
            alerts.add(alert(AlertKind.CLOSED_WITHOUT_PAYMENT, c, "closed", "closed on " + c.closedOn() + " with "
                    + Money.yuan(c.fineFen() - c.paidFen()) + " of the fine unpaid and no court enforcement applied "
                    + "for", "ClosedWithoutPayment", "行政处罚法 art. 72; 行政强制法 art. 53", asOf));
        }
        repeatedParty(c, sameParty, asOf).ifPresent(alerts::add);
        unqualifiedLegalReview(c, asOf).ifPresent(alerts::add);
        if (c.isOpen()) {
            for (OfficerId id : c.officers()) {
                registry.officer(id).flatMap(o -> certificateWarning(o, asOf))
                        .ifPresent(why -> alerts.add(alert(AlertKind.CERTIFICATE_EXPIRING, c, id.value(), why,
                                "EnforcementCertificate", "行政处罚法 art. 42 (执法人员应当持证)", asOf)));
            }
        }
        return alerts;
    }

    private static Optional<String> fineOutsideBand(CaseFacts c) {
        if (c.summary() || c.fineFen() == 0 || c.circumstance() == null || c.matter().band().levels().isEmpty()) {
            return Optional.empty();
        }
        return c.matter().band().refusal(c.circumstance(), c.fineFen());
    }

    private Optional<Alert> latePublication(CaseFacts c, LocalDate asOf) {
        if (!c.isPublishable()) {
            return Optional.empty();
        }
        Deadline due = DecisionPublicationDeadline.due(deadlines.calendar(), c.decidedOn());
        String message;
        if (c.publishedOn() != null) {
            if (due.isMetBy(c.publishedOn())) {
                return Optional.empty();
            }
            message = "decision of " + c.decidedOn() + " published on " + c.publishedOn() + ", after " + due.dueOn();
        } else if (asOf.isAfter(due.dueOn())) {
            message = "decision of " + c.decidedOn() + " still unpublished; due by " + due.dueOn();
        } else {
            return Optional.empty();
        }
        return Optional.of(alert(AlertKind.LATE_PUBLICATION, c, "publication", message, due.rule(), due.article(),
                asOf));
    }

    private Optional<Alert> unqualifiedLegalReview(CaseFacts c, LocalDate asOf) {
        if (qualifications == null || c.legalReviewedOn() == null) {
            return Optional.empty();
        }
        Optional<OfficerId> reviewer = c.legalReviewerId();
        String message;
        if (reviewer.isEmpty()) {
            message = "legal review of " + c.legalReviewedOn() + " by '" + c.legalReviewer() + "', who is not an "
                    + "identifiable officer: no 法律职业资格 can be checked";
        } else {
            Optional<LegalQualification> q = qualifications.find(reviewer.get());
            if (q.isPresent() && q.get().heldOn(c.legalReviewedOn())) {
                return Optional.empty();
            }
            message = "legal review of " + c.legalReviewedOn() + " by " + c.legalReviewer() + ", with "
                    + q.map(x -> "法律职业资格 " + x.certificateNumber() + " not held that day")
                            .orElse("no 法律职业资格 on record");
        }
        return Optional.of(alert(AlertKind.UNQUALIFIED_LEGAL_REVIEW, c, "legal-review", message,
                "LegalReviewerQualification", LegalQualification.ARTICLE, asOf));
    }

    private Optional<Alert> repeatedParty(CaseFacts c, List<CaseFacts> sameParty, LocalDate asOf) {
        LocalDate since = asOf.minusDays(policy.repeatWindowDays());
        List<CaseFacts> recent = sameParty.stream()
                .filter(o -> o.registeredOn() != null && !o.registeredOn().isBefore(since)
                        && !o.registeredOn().isAfter(asOf))
                .sorted(Comparator.comparing(o -> o.number().value()))
                .toList();
        if (recent.size() < policy.repeatedCases() || !recent.contains(c)) {
            return Optional.empty();
        }
        String others = recent.stream().map(o -> o.number().value()).collect(Collectors.joining(", "));
        return Optional.of(alert(AlertKind.REPEATED_PARTY, c, "party", c.party().name() + " ("
                + PersonalDataMask.mask(c.party().idNumber()) + ") has " + recent.size() + " cases within "
                + policy.repeatWindowDays() + " days: " + others, "RepeatedParty",
                "行政处罚法 art. 32 (从重/累犯 consideration); 汕尾 supervision rule", asOf));
    }

    private Optional<String> certificateWarning(Officer o, LocalDate asOf) {
        EnforcementCertificate cert = o.certificate();
        if (cert.status() != CertificateStatus.VALID) {
            return Optional.of(o.name() + "'s certificate " + cert.number() + " is " + cert.status().name()
                    .toLowerCase() + " while the case is open");
        }
        long left = ChronoUnit.DAYS.between(asOf, cert.validTo());
        if (left < 0) {
            return Optional.of(o.name() + "'s certificate " + cert.number() + " expired on " + cert.validTo()
                    + " while the case is open");
        }
        if (left <= policy.certificateWarningDays()) {
            return Optional.of(o.name() + "'s certificate " + cert.number() + " expires on " + cert.validTo()
                    + " (" + left + " days) while the case is open");
        }
        return Optional.empty();
    }

    private static Alert alert(AlertKind kind, CaseFacts c, String detail, String message, String rule,
                               String article, LocalDate asOf) {
        return new Alert(kind + ":" + c.number().value() + ":" + detail, kind, c.number(), c.subject(), message,
                rule, article, asOf);
    }

    private static DeadlineState worst(List<Deadline> running, LocalDate asOf) {
        return Deadline.worstStateOn(running, asOf);
    }
}
