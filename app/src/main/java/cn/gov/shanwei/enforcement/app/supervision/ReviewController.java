package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.DrawView;
import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.ReviewView;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.common.NotInJurisdictionException;
import cn.gov.shanwei.enforcement.supervision.review.CaseReview;
import cn.gov.shanwei.enforcement.supervision.review.ChecklistItem;
import cn.gov.shanwei.enforcement.supervision.review.Finding;
import cn.gov.shanwei.enforcement.supervision.review.ReviewTemplate;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingDraw;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingPlan;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Random sampling and case-file review (随机抽查、案卷评查): draws with their seed, review templates, assignment,
 * scores, findings and rectification follow-up.
 */
@RestController
@RequestMapping("/api/v1/supervision")
public class ReviewController extends SupervisionEndpoint {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final SupervisionDesk desk;

    public ReviewController(SupervisionDesk desk) {
        this.desk = desk;
    }

    /** A draw request; without a seed the hub picks a random one (recorded with the draw). */
    public record DrawBody(String supervisor, @NotNull LocalDate closedFrom, @NotNull LocalDate closedTo,
                           @NotNull Integer ratePercent, Integer minimumPerStratum, String seed) {
    }

    /** Draws a stratified sample of closed cases and records it. */
    @PostMapping("/sampling/draws")
    public ResponseEntity<DrawView> draw(@Valid @RequestBody DrawBody body, HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        String seed = body.seed() == null ? HexFormat.of().formatHex(SEEDS.generateSeed(16)) : body.seed();
        SamplingDraw draw = desk.draw(new SamplingPlan(sup, body.closedFrom(),
                body.closedTo(), body.ratePercent(), body.minimumPerStratum() == null ? 1 : body.minimumPerStratum(),
                seed), actingAs(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(DrawView.of(draw));
    }

    /** The draws of a supervisor, newest first. */
    @GetMapping("/sampling/draws")
    public ResponseEntity<?> draws(@RequestParam(required = false) String supervisor, @RequestParam(required = false) String format,
                                   HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        desk.registry().supervisor(sup);
        List<DrawView> draws = desk.draws().bySupervisor(sup).stream().map(DrawView::of)
                .toList();
        return csv(format) ? SupervisionViews.drawsCsv(draws).response("sampling-draws") : ResponseEntity.ok(draws);
    }

    /** One draw and whether redoing it from its seed over today's cases gives the same selection. */
    @GetMapping("/sampling/draws/{id}")
    public Map<String, Object> oneDraw(@PathVariable String id, @RequestParam(required = false) String supervisor,
                                       HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        SamplingDraw draw = draw(id, sup);
        String verdict = desk.sampler().verify(draw, desk.model().all()).orElse("reproduced");
        return Map.of("draw", DrawView.of(draw), "verification", verdict);
    }

    /** Assignment of a draw's cases to designated reviewers. */
    public record AssignmentBody(String supervisor, @NotBlank String drawId, String templateCode,
                                 @NotEmpty List<@NotBlank String> reviewers) {
    }

    /** Sends every case of a draw to review. */
    @PostMapping("/reviews/assignments")
    public ResponseEntity<List<ReviewView>> assign(@Valid @RequestBody AssignmentBody body,
                                                   HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        SamplingDraw draw = draw(body.drawId(), sup);
        List<CaseReview> reviews = desk.reviews().assignDraw(sup, draw,
                template(body.templateCode()), body.reviewers().stream().map(OfficerId::new).toList(), desk.today());
        return ResponseEntity.status(HttpStatus.CREATED).body(views(reviews));
    }

    /** A review ordered for one case. */
    public record ReviewOrderBody(String supervisor, @NotBlank String caseNumber,
                                  @NotBlank String reviewedSubject, String templateCode, @NotBlank String reviewer) {
    }

    /** Orders the review of one case by a named reviewer. */
    @PostMapping("/reviews")
    public ResponseEntity<ReviewView> order(@Valid @RequestBody ReviewOrderBody body, HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        CaseReview r = desk.reviews().assign(sup, new CaseNumber(body.caseNumber()),
                new SubjectId(body.reviewedSubject()), template(body.templateCode()), new OfficerId(body.reviewer()),
                desk.today());
        return ResponseEntity.status(HttpStatus.CREATED).body(ReviewView.of(r, desk.today()));
    }

    /** The reviews of the supervisor's jurisdiction. */
    @GetMapping("/reviews")
    public ResponseEntity<?> reviews(@RequestParam(required = false) String supervisor, @RequestParam(required = false) String format,
                                     HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        List<ReviewView> reviews = views(desk.reviews().reviews(sup));
        return csv(format) ? SupervisionViews.reviewsCsv(reviews).response("reviews") : ResponseEntity.ok(reviews);
    }

    /** One review. */
    @GetMapping("/reviews/{id}")
    public ReviewView review(@PathVariable String id, @RequestParam(required = false) String supervisor, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        return ReviewView.of(desk.reviews().get(sup, id), desk.today());
    }

    /** Scores for every checklist item and the findings. */
    public record ScoreBody(String supervisor, @NotNull Map<String, Integer> scores,
                            List<@Valid FindingBody> findings) {
    }

    /** A finding. */
    public record FindingBody(@NotBlank String itemCode, @NotBlank @Size(max = 2000) String text) {
    }

    @PostMapping("/reviews/{id}/score")
    public ReviewView score(@PathVariable String id, @Valid @RequestBody ScoreBody body, HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        List<Finding> findings = body.findings() == null ? List.of()
                : body.findings().stream().map(f -> new Finding(f.itemCode(), f.text())).toList();
        return view(desk.reviews().score(sup, id, body.scores(), findings, desk.today()));
    }

    /** A rectification request. */
    public record RectificationRequestBody(String supervisor, @NotBlank @Size(max = 2000) String what,
                                           @NotNull LocalDate rectifyBy) {
    }

    @PostMapping("/reviews/{id}/rectification-request")
    public ReviewView requestRectification(@PathVariable String id, @Valid @RequestBody RectificationRequestBody body,
                                           HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        return view(desk.reviews().requestRectification(sup, id, body.what(),
                desk.today(), body.rectifyBy()));
    }

    /** The reviewed subject's rectification report. */
    public record RectificationBody(String supervisor, @NotBlank @Size(max = 4000) String report) {
    }

    @PostMapping("/reviews/{id}/rectification")
    public ReviewView submitRectification(@PathVariable String id, @Valid @RequestBody RectificationBody body,
                                          HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        return view(desk.reviews().submitRectification(sup, id, body.report(),
                desk.today()));
    }

    /** The reviewer's verdict on a rectification report. */
    public record VerificationBody(String supervisor, @NotNull Boolean accepted,
                                   @Size(max = 2000) String note) {
    }

    @PostMapping("/reviews/{id}/verification")
    public ReviewView verify(@PathVariable String id, @Valid @RequestBody VerificationBody body,
                             HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        return view(desk.reviews().verifyRectification(sup, id, body.accepted(),
                body.note(), desk.today()));
    }

    /** Closing a review that needs no rectification. */
    public record CloseBody(String supervisor) {
    }

    @PostMapping("/reviews/{id}/close")
    public ReviewView close(@PathVariable String id, @Valid @RequestBody CloseBody body, HttpServletRequest request) {
        SubjectId sup = supervisor(request, body.supervisor());
        return view(desk.reviews().close(sup, id, desk.today()));
    }

    /** The latest version of every review template. */
    @GetMapping("/review-templates")
    public List<ReviewTemplate> templates(HttpServletRequest request) {
        supervisor(request, null);
        return desk.reviews().templates();
    }

    /** A template edit: the whole checklist of the next version. */
    public record TemplateBody(@NotBlank String name, @NotEmpty List<@Valid ItemBody> items) {
    }

    /** A checklist item. */
    public record ItemBody(@NotBlank String code, @NotBlank String section, @NotBlank @Size(max = 1000) String text,
                           @NotNull Integer maxPoints) {
    }

    /** Saves the next version of template {@code code} (or its first). */
    @PutMapping("/review-templates/{code}")
    public ReviewTemplate editTemplate(@PathVariable String code, @Valid @RequestBody TemplateBody body,
                                       HttpServletRequest request) {
        supervisor(request, null);
        return desk.reviews().editTemplate(code, body.name(), body.items().stream()
                .map(i -> new ChecklistItem(i.code(), i.section(), i.text(), i.maxPoints())).toList());
    }

    private SamplingDraw draw(String id, SubjectId supervisor) {
        desk.registry().supervisor(supervisor);
        return desk.draws().find(id).filter(d -> d.plan().supervisor().equals(supervisor))
                .orElseThrow(() -> new NotInJurisdictionException("no draw " + id + " of " + supervisor.value()));
    }

    private static String template(String code) {
        return code == null ? ReviewTemplate.standard().code() : code;
    }

    private List<ReviewView> views(List<CaseReview> reviews) {
        LocalDate today = desk.today();
        return reviews.stream().map(r -> ReviewView.of(r, today)).toList();
    }

    private ReviewView view(CaseReview r) {
        return ReviewView.of(r, desk.today());
    }
}
