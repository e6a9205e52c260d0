package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.OnTheSpotBody;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.SummaryPenaltyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** 当场处罚 (简易程序): a warning or a small fine decided and delivered on the spot. */
@RestController
@Tag(name = "Penalty cases")
public class SummaryPenaltyController extends CaseApiSupport {

    private final SummaryPenaltyService summary;
    private final PenaltyCaseService cases;
    private final StaffCreations creations;

    /**
     * @param summary the on-the-spot penalty use case
     * @param cases   reads the case a resent request created before
     */
    public SummaryPenaltyController(SummaryPenaltyService summary, PenaltyCaseService cases,
                                    StaffCreations creations) {
        this.summary = summary;
        this.cases = cases;
        this.creations = creations;
    }

    @PostMapping("/api/v1/cases/penalties/on-the-spot")
    @Operation(summary = "Impose a warning or a fine on the spot (当场处罚, 行政处罚法 art. 51–52)",
            description = "Role OFFICER with a co-officer; a fine of at most 200 yuan for a person and 3,000 yuan for "
                    + "an organisation (configurable: hub.cases.rules.summary-*); the case opens decided. "
                    + StaffCreations.KEY_DOC)
    public ResponseEntity<PenaltyCaseDetail> impose(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                    @Valid @RequestBody OnTheSpotBody body,
                                                    @RequestHeader(name = "Idempotency-Key", required = false)
                                                    String idempotencyKey) {
        PenaltyCaseDetail detail = creations.create(actor, idempotencyKey, "on-the-spot-penalty", body,
                () -> summary.impose(actor, body.toPenalty()), d -> d.summary().id(), id -> cases.get(actor, id));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(detail.summary().version())).body(detail);
    }
}
