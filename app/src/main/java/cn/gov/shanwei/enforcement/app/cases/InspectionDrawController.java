package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.DrawBody;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionDrawService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionDrawView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * 双随机 draws for inspection plans (ADR 0106, 0516): draw objects of the subject's 检查对象名录库 and inspectors for
 * each, recording seed, algorithm and inputs and planning the inspections; read a draw, take its published record, or
 * have it repeated. Jurisdiction and roles as for inspections: officers of the subject draw; whoever may read the
 * subject's inspections may read and repeat its draws.
 */
@RestController
@RequestMapping("/api/v1/cases/inspection-draws")
@Tag(name = "Inspection draws", description = "双随机 (随机抽取检查对象、随机选派执法检查人员), reproducible from the record")
public class InspectionDrawController extends CaseApiSupport {

    private final InspectionDrawService draws;

    public InspectionDrawController(InspectionDrawService draws) {
        this.draws = draws;
    }

    @PostMapping
    @Operation(summary = "Draw objects and inspectors for an inspection plan and plan the inspections",
            description = "Role OFFICER; objects of the subject's catalogue listed on the planned day (those at the "
                    + "item's yearly limit or with an invalid identifier left out, and listed), inspectors among the "
                    + "subject's officers certified for the item's domain; seed as made public, or drawn by the hub")
    public ResponseEntity<InspectionDrawView> draw(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                   @Valid @RequestBody DrawBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(draws.draw(actor, body.toDraw()));
    }

    @GetMapping
    @Operation(summary = "The draws in your jurisdiction, newest first")
    public CasePage<InspectionDrawView> list(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                             @RequestParam(required = false) String itemCode,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return draws.list(actor, itemCode, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a draw: seed, algorithm, pool digest, result and the inspections planned")
    public InspectionDrawView get(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                  @PathVariable UUID id) {
        return draws.get(actor, id);
    }

    @GetMapping(path = "/{id}/record", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The draw's published record (pools, seed, algorithm, result), identifiers whole",
            description = "Repeat it offline with case-services/bin/repeat-draw")
    public ResponseEntity<byte[]> record(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                         @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"draw-" + id + ".json\"")
                .body(draws.record(actor, id).json());
    }

    @GetMapping("/{id}/repetition")
    @Operation(summary = "Repeat the draw from its record: the same result, and every inspection citing it")
    public InspectionDrawView.Repetition repeat(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                @PathVariable UUID id) {
        return draws.repeat(actor, id);
    }
}
