package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObjectCatalogue;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObject;
import cn.gov.shanwei.enforcement.supervision.indicator.IncrementalIndicators;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorCalculator;
import cn.gov.shanwei.enforcement.supervision.indicator.ReviewScore;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel.InspectionFacts;
import cn.gov.shanwei.enforcement.supervision.indicator.Measure;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorTable;
import cn.gov.shanwei.enforcement.supervision.monitoring.Alert;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertPolicy;
import cn.gov.shanwei.enforcement.supervision.monitoring.CaseSupervision;
import cn.gov.shanwei.enforcement.supervision.monitoring.CoercionSupervision;
import cn.gov.shanwei.enforcement.supervision.monitoring.OpenCaseBoard;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseDeadlines;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.MeasureReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.ProcedureReadModels;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedCaseFeed;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedProcedureFeed;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import cn.gov.shanwei.enforcement.supervision.review.ReviewRepository;
import cn.gov.shanwei.enforcement.supervision.review.ReviewService;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingDraw;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingPlan;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingRepository;
import cn.gov.shanwei.enforcement.supervision.sampling.StratifiedSampler;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualificationRepository;
import cn.gov.shanwei.enforcement.supervision.workforce.Training;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingHours;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingRepository;
import cn.gov.shanwei.enforcement.supervision.workforce.Workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The supervision platform's use cases as the API calls them: each request reads the registries as they stand,
 * catches the read model up with the case platform's feed, and builds the supervision services over both.
 */
public class SupervisionDesk {

    /** Days are counted in China's time zone. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CaseReadModel model;
    private final MeasureReadModel measures;
    private final InspectionReadModel inspections;
    private final SupervisedCaseFeed feed;
    private final ProcedureReadModels procedures;
    private final SupervisedProcedureFeed procedureFeed;
    private final SupervisionRegistrySource registries;
    private final Supplier<WorkingDayCalendar> calendar;
    private final PenaltyRules rules;
    private final AlertPolicy policy;
    private final ReviewRepository reviews;
    private final SamplingRepository draws;
    private final LegalQualificationRepository qualifications;
    private final InspectionObjectCatalogue inspectionObjects;
    private final TrainingRepository trainings;
    private final TrainingHours trainingHours;
    private final Clock clock;

    /**
     * @param inspections the inspections' read model, fed by {@code procedureFeed}
     * @param measures the coercive measures' read model, fed by {@code procedureFeed}
     * @param feed the case platform's event feed, or {@code null} while none is wired (the model is then fed only
     *             by whoever applies events to it)
     * @param procedureFeed the case platform's procedure feed (coercive measures and inspections), or {@code null}
     *                      while none is wired
     * @param qualifications legal reviewers' qualifications (法律职业资格), checked on every legal review
     * @param training officers' training records and the required yearly hours
     * @param inspectionObjects the inspection-object catalogue (检查对象名录库), the denominator of coverage
     */
    public SupervisionDesk(CaseReadModel model, MeasureReadModel measures, InspectionReadModel inspections,
                           SupervisedCaseFeed feed, SupervisedProcedureFeed procedureFeed,
                           SupervisionRegistrySource registries,
                           Supplier<WorkingDayCalendar> calendar, PenaltyRules rules, AlertPolicy policy,
                           ReviewRepository reviews, SamplingRepository draws,
                           LegalQualificationRepository qualifications, Training training,
                           InspectionObjectCatalogue inspectionObjects, Clock clock) {
        this.model = model;
        this.measures = measures;
        this.inspections = inspections;
        this.feed = feed;
        this.procedures = new ProcedureReadModels(measures, inspections);
        this.procedureFeed = procedureFeed;
        this.registries = registries;
        this.calendar = calendar;
        this.rules = rules;
        this.policy = policy;
        this.reviews = reviews;
        this.draws = draws;
        this.qualifications = qualifications;
        this.inspectionObjects = inspectionObjects;
        this.trainings = training.records();
        this.trainingHours = training.hours();
        this.clock = clock;
        // boards first: a kept table asks the board of its day for the changed case's state
        model.onTransition((before, after) -> {
            boards.values().forEach(b -> b.board().apply(after));
            kept.values().forEach(k -> k.indicators().apply(before, after));
        });
    }

    /** Today in China. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The current instant. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Reads what the case platform recorded since the last call: penalty cases, coercive measures and inspections.
     * Not to be called from a read model's listener (it runs inside a catch-up).
     */
    public void refresh() {
        if (feed != null) {
            model.catchUp(feed);
        }
        if (procedureFeed != null) {
            procedures.catchUp(procedureFeed);
        }
    }

    /** The read model. */
    public CaseReadModel model() {
        return model;
    }

    /** The registries now. */
    public SupervisionRegistry registry() {
        return registries.current();
    }

    /** Case supervision over the current registries and the caught-up model. */
    public CaseSupervision supervision() {
        refresh();
        return supervision(registry());
    }

    /** Case supervision over {@code registry}. */
    public CaseSupervision supervision(SupervisionRegistry registry) {
        return new CaseSupervision(model, new CaseDeadlines(model, calendar, rules), registry, policy,
                qualifications);
    }

    /** Coercive-measure supervision over the current registries and the caught-up measures. */
    public CoercionSupervision coercion() {
        refresh();
        return coercion(registry());
    }

    /** Coercive-measure supervision over {@code registry}, without reading the feed (for listeners). */
    public CoercionSupervision coercion(SupervisionRegistry registry) {
        return new CoercionSupervision(measures, calendar, registry, policy);
    }

    /** Every alert of the cases and coercive measures {@code supervisor} watches, most severe first. */
    public List<Alert> alerts(SubjectId supervisor, LocalDate asOf) {
        refresh();
        SupervisionRegistry registry = registry();
        List<Alert> all = new ArrayList<>(supervision(registry).alerts(supervisor, asOf));
        all.addAll(coercion(registry).alerts(supervisor, asOf));
        all.sort(Comparator.comparing(Alert::severity).reversed());
        return all;
    }

    /** The inspections' read model. */
    public InspectionReadModel inspections() {
        return inspections;
    }

    /** The coercive measures' read model. */
    public MeasureReadModel measures() {
        return measures;
    }

    /** Workforce supervision over the current registries and the caught-up model. */
    public Workforce workforce() {
        refresh();
        return new Workforce(registry(), model, policy);
    }

    /** Review use cases over the current registries. */
    public ReviewService reviews() {
        return new ReviewService(reviews, registry(), () -> UUID.randomUUID().toString());
    }

    /** The enforcement subjects {@code supervisor} watches (supervisory bodies themselves excluded). */
    public List<EnforcementSubject> watchedSubjects(SupervisionRegistry registry, SubjectId supervisor) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        return registry.subjects().stream().filter(s -> !s.supervisory() && registry.watches(sup, s.id())).toList();
    }

    /** The indicators of {@code supervisor}'s jurisdiction for the months {@code from..to}. */
    public IndicatorTable indicators(SubjectId supervisor, YearMonth from, YearMonth to, LocalDate asOf) {
        refresh();
        return indicators(registry(), supervisor, from, to, asOf);
    }

    /** The same over {@code registry} (read once by the caller for the whole request), without reading the feeds. */
    public IndicatorTable indicators(SupervisionRegistry registry, SubjectId supervisor, YearMonth from, YearMonth to,
                                     LocalDate asOf) {
        List<EnforcementSubject> subjects = watchedSubjects(registry, supervisor);
        WorkingDayCalendar days = calendar.get();
        List<ReviewScore> scores = new ReviewService(reviews, registry, () -> UUID.randomUUID().toString())
                .scores(supervisor);
        List<InspectionFacts> done = List.copyOf(inspections.all());
        List<InspectionObject> objects = inspectionObjects.of(subjects.stream().map(EnforcementSubject::id).toList());
        // the table kept for this question is reused while nothing but case events changed (those it takes in)
        KeptKey key = new KeptKey(supervisor, from, to, asOf);
        KeptStamp stamp = new KeptStamp(subjects, days, scores, Set.copyOf(done), objects);
        synchronized (model) {
            Kept k = kept.get(key);
            if (k == null || !k.stamp().equals(stamp)) {
                if (kept.size() >= MAX_KEPT) {
                    kept.clear();
                }
                k = new Kept(stamp, IncrementalIndicators.start(new IndicatorCalculator(registry, days, rules),
                        model.all(), states(openCaseBoard(asOf)), scores, done, objects, subjects, from, to, asOf));
                kept.put(key, k);
            }
            return k.indicators().table();
        }
    }

    private CaseDeadlines clock() {
        return new CaseDeadlines(model, calendar, rules);
    }

    /** The deadline state of an open case: from {@code board} on its day, from the legal clock on other days. */
    private BiFunction<CaseFacts, LocalDate, DeadlineState> states(OpenCaseBoard board) {
        CaseDeadlines deadlines = clock();
        return (c, day) -> day.equals(board.day())
                ? board.stateOf(c.number()).orElseGet(() -> deadlines.stateOf(c.number(), day))
                : deadlines.stateOf(c.number(), day);
    }

    /**
     * The open cases' deadline states on {@code day} under the calendar in force (ADR 0712): made by the first
     * question of the day, every open case's deadlines computed once ({@link #warmUp} does it ahead for today), then
     * each changed case's again when next asked. At most {@value #MAX_BOARDS} days are kept. Does not read the feeds.
     */
    public OpenCaseBoard openCaseBoard(LocalDate day) {
        WorkingDayCalendar days = calendar.get();
        BoardKey key = new BoardKey(day, days);
        KeptBoard b = boards.get(key);
        if (b != null) {
            return b.board();
        }
        synchronized (model) {
            b = boards.get(key);
            if (b == null) {
                if (boards.size() >= MAX_BOARDS) {
                    boards.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().built()))
                            .ifPresent(e -> boards.remove(e.getKey()));
                }
                b = new KeptBoard(OpenCaseBoard.build(model.all(), new CaseDeadlines(model, () -> days, rules), day),
                        boardsBuilt.incrementAndGet());
                boards.put(key, b);
            }
            return b.board();
        }
    }

    /**
     * Builds today's open-case board and computes its pending cases ahead of the first question.
     *
     * @return whether today's board was new (the first warm-up of the day)
     */
    public boolean warmUp() {
        refresh();
        LocalDate today = today();
        boolean fresh = boards.keySet().stream().noneMatch(k -> k.day().equals(today));
        openCaseBoard(today).settle();
        return fresh;
    }

    /**
     * The open cases of {@code supervisor}'s jurisdiction on {@code day} that {@code filter} selects: how many, by
     * state, and the {@code limit} most urgent (from the kept board), over {@code registry} read once by the caller.
     */
    public CaseSupervision.OpenCases openCases(SupervisionRegistry registry, SubjectId supervisor, LocalDate day,
                                               Predicate<SubjectId> filter, int limit) {
        return supervision(registry).openCases(supervisor, openCaseBoard(day), filter, limit);
    }

    /** How many open-case boards (days) are kept at most. */
    static final int MAX_BOARDS = 3;

    private final Map<BoardKey, KeptBoard> boards = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong boardsBuilt = new java.util.concurrent.atomic.AtomicLong();

    private record BoardKey(LocalDate day, WorkingDayCalendar calendar) {
    }

    private record KeptBoard(OpenCaseBoard board, long built) {
    }

    /** How many indicator tables are kept up to date at most (per supervisor, period and day). */
    static final int MAX_KEPT = 64;

    private final Map<KeptKey, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    private record KeptKey(SubjectId supervisor, YearMonth from, YearMonth to, LocalDate asOf) {
    }

    /** What a kept table was computed from besides the cases: any change means computing it again. */
    private record KeptStamp(List<EnforcementSubject> subjects, WorkingDayCalendar calendar, List<ReviewScore> scores,
                             Set<InspectionFacts> inspections, List<InspectionObject> objects) {
    }

    private record Kept(KeptStamp stamp, IncrementalIndicators indicators) {
    }

    /** Which cases each figure of {@code month} counts, per subject of {@code supervisor}'s jurisdiction. */
    public Map<String, Map<Measure, List<String>>> trace(SubjectId supervisor, YearMonth month, LocalDate asOf) {
        refresh();
        SupervisionRegistry registry = registry();
        CaseDeadlines deadlines = new CaseDeadlines(model, calendar, rules);
        return new IndicatorCalculator(registry, calendar.get(), rules).trace(model.all(),
                (c, day) -> deadlines.stateOf(c.number(), day),
                new ReviewService(reviews, registry, () -> UUID.randomUUID().toString()).scores(supervisor),
                inspections.all(), watchedSubjects(registry, supervisor), month, asOf);
    }

    /** The inspection-object catalogue (检查对象名录库). */
    public InspectionObjectCatalogue inspectionObjects() {
        return inspectionObjects;
    }

    /** Officers' training records. */
    public TrainingRepository trainings() {
        return trainings;
    }

    /** The required yearly training hours. */
    public TrainingHours trainingHours() {
        return trainingHours;
    }

    /** Draws and records a sample. */
    public SamplingDraw draw(SamplingPlan plan, String drawnBy) {
        refresh();
        SamplingDraw draw = new StratifiedSampler(registry()).draw(UUID.randomUUID().toString(), plan, model.all(),
                clock.instant(), drawnBy);
        draws.save(draw);
        return draw;
    }

    /** The sampler over the current registries (to verify a draw). */
    public StratifiedSampler sampler() {
        refresh();
        return new StratifiedSampler(registry());
    }

    /** Legal reviewers' qualifications. */
    public LegalQualificationRepository qualifications() {
        return qualifications;
    }

    /** The draws repository. */
    public SamplingRepository draws() {
        return draws;
    }
}
