package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.LeadBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.StepBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.InspectionStep;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.MeasureStep;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.config.CaseProperties;
import cn.gov.shanwei.enforcement.cases.mobile.MobileSyncService;
import cn.gov.shanwei.enforcement.cases.mobile.SyncItem;
import cn.gov.shanwei.enforcement.cases.mobile.SyncResult;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mobile enforcement (移动办案): a device sends what it captured offline as one batch of items with ids it made
 * itself — penalty leads and steps, coercive measures taken on site and their steps, inspections and the steps taken
 * on site — and each evidence file as an upload of its own. Each item is applied or refused on its own and answered
 * with its own outcome; a re-sent batch or upload applies nothing twice (DUPLICATE). ADR 0505.
 */
@RestController
@RequestMapping("/api/v1/cases/sync")
@Tag(name = "Mobile sync", description = "Batches captured offline on a device: client-made ids, idempotent "
        + "re-sends, per-item conflicts")
public class MobileSyncController extends CaseApiSupport {

    /** The steps a device may send, by name (the same names as the case API's paths). */
    static final Map<String, Class<? extends StepBody>> STEPS = Map.ofEntries(
            Map.entry("filing", PenaltyBodies.FilingBody.class),
            Map.entry("notices", PenaltyBodies.NoticeBody.class),
            Map.entry("hearing-requests", PenaltyBodies.HearingRequestBody.class),
            Map.entry("service", PenaltyBodies.ServiceBody.class),
            Map.entry("payments", PenaltyBodies.PaymentBody.class),
            Map.entry("closure", PenaltyBodies.ClosureBody.class));

    /**
     * The coercive-measure steps an officer takes on site (the same names as the REST paths). Approval or refusal of an
     * urgent measure, extension, testing and disposal are decided in the office and stay REST-only (ADR 0505).
     */
    static final Map<String, Class<? extends MeasureStep>> MEASURE_STEPS = Map.of(
            "service", ProcedureBodies.MeasureServiceBody.class,
            "release", ProcedureBodies.ReleaseBody.class,
            "release-service", ProcedureBodies.ReleaseServiceBody.class);

    /**
     * The inspection steps an officer takes on site (the same names as the REST paths). Approval and cancellation are
     * the head's, in the office; the penalty case of a violation is registered online (or sent as a LEAD): REST-only.
     */
    static final Map<String, Class<? extends InspectionStep>> INSPECTION_STEPS = Map.of(
            "on-site", ProcedureBodies.OnSiteInspectionBody.class,
            "result", ProcedureBodies.ResultBody.class,
            "follow-up-check", ProcedureBodies.FollowUpCheckBody.class);

    private static final String TYPES = "LEAD, STEP, MEASURE, MEASURE_STEP, INSPECTION or INSPECTION_STEP";

    private final MobileSyncService sync;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final long maxEvidenceBytes;

    /**
     * @param sync       the sync use case
     * @param mapper     the application's mapper (strict for this package's bodies)
     * @param validator  bean validation
     * @param properties the evidence size limit (as for the REST upload)
     */
    public MobileSyncController(MobileSyncService sync, ObjectMapper mapper, Validator validator,
                                CaseProperties properties) {
        this.sync = sync;
        this.mapper = mapper;
        this.validator = validator;
        this.maxEvidenceBytes = properties.evidence().maxSize().toBytes();
    }

    /**
     * One item as sent: a LEAD ({@code lead}), a STEP of a penalty case ({@link #STEPS}), a MEASURE or an INSPECTION
     * created offline ({@code body} as for its REST creation; it gets {@code clientId} as its id), a MEASURE_STEP
     * ({@link #MEASURE_STEPS}) or an INSPECTION_STEP ({@link #INSPECTION_STEPS}) of the case or procedure
     * {@code caseId}, with the body of its REST step.
     */
    // Named apart from the review API's ItemBody: schemas share one OpenAPI document by simple name.
    record SyncItemBody(@NotNull UUID clientId,
                    @Schema(allowableValues = {"LEAD", "STEP", "MEASURE", "MEASURE_STEP", "INSPECTION",
                            "INSPECTION_STEP"}) @NotBlank String type,
                    @Schema(description = "LEAD: the lead, as for POST /api/v1/cases/penalties") JsonNode lead,
                    @Schema(description = "STEP, MEASURE_STEP, INSPECTION_STEP: the penalty case, measure or "
                            + "inspection (may be one created earlier in the batch)") UUID caseId,
                    @Schema(description = "the version the device saw; another one is a CONFLICT") Long expectedVersion,
                    @Schema(description = "STEP: filing, notices, hearing-requests, service, payments, closure; "
                            + "MEASURE_STEP: service, release, release-service; INSPECTION_STEP: on-site, result, "
                            + "follow-up-check") String step,
                    @Schema(description = "MEASURE, INSPECTION: as for the REST creation; a step: as for its REST "
                            + "path") JsonNode body) {
    }

    /**
     * The JSON part of an evidence upload: the device, what the evidence is about ({@code target} PENALTY, MEASURE or
     * INSPECTION and its {@code caseId}), the version the device saw, the fields of the REST evidence upload, and the
     * SM3 the device computed over the file.
     */
    record EvidenceItemBody(@NotBlank @Size(max = 64) String deviceId, @NotNull SyncItem.Target target,
                            @NotNull UUID caseId, Long expectedVersion, @NotNull String description,
                            @NotNull Instant collectedAt, @NotNull String where,
                            @NotNull @Size(max = 10) List<@NotBlank String> coOfficerIds, String address, Double lon,
                            Double lat, String crs, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sm3) {
    }

    /** A batch. */
    record BatchBody(@NotBlank @Size(max = 64) String deviceId,
                     @NotEmpty @Size(max = MobileSyncService.MAX_ITEMS) List<@NotNull @Valid SyncItemBody> items) {
    }

    /** The outcome of each item, in the order sent. */
    record BatchResponse(List<SyncResult> results) {
    }

    @PostMapping
    @Operation(summary = "Apply a batch captured offline; each item is answered on its own",
            description = "Items in order, each in its own transaction; outcome APPLIED, DUPLICATE (a re-send), "
                    + "CONFLICT (stale expectedVersion, or a clientId used before), REJECTED, DENIED, INVALID or "
                    + "UNAVAILABLE (ADR 0505). type LEAD (`lead` as for the REST lead; the case gets clientId as its "
                    + "id); STEP of penalty case caseId (step: filing, notices, hearing-requests, service, payments, "
                    + "closure); MEASURE (`body` as for POST /api/v1/cases/coercive-measures, without `approval` for "
                    + "the urgent kind taken on the spot; the measure gets clientId as its id); MEASURE_STEP of "
                    + "measure "
                    + "caseId (step: service, release, release-service); INSPECTION (`body` as for POST "
                    + "/api/v1/cases/inspections; the inspection gets clientId as its id); INSPECTION_STEP of "
                    + "inspection caseId (step: on-site, result, follow-up-check). A step's body is the body of its "
                    + "REST path. Evidence files go through PUT /api/v1/cases/sync/evidence/{clientId}.")
    public BatchResponse sync(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                              @Valid @RequestBody BatchBody batch) {
        List<SyncResult> results = new ArrayList<>();
        List<SyncItem> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (SyncItemBody item : batch.items()) {
            try {
                valid.add(toItem(item));
                positions.add(results.size());
                results.add(null);
            } catch (DomainValidationException e) {
                results.add(new SyncResult(item.clientId(), SyncResult.Outcome.INVALID, item.caseId(), null,
                        e.getMessage()));
            }
        }
        if (!valid.isEmpty()) {
            List<SyncResult> applied = sync.apply(actor, batch.deviceId(), valid);
            for (int i = 0; i < applied.size(); i++) {
                results.set(positions.get(i), applied.get(i));
            }
        }
        return new BatchResponse(results);
    }

    @PutMapping(path = "/evidence/{clientId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload one evidence file captured offline; answered as one sync item",
            description = "Role OFFICER of the case's or procedure's subject, two certified officers, as for the REST "
                    + "evidence upload. Parts: `file` and `item` (JSON: deviceId, target PENALTY | MEASURE | "
                    + "INSPECTION, caseId, optional expectedVersion, description, collectedAt, where, coOfficerIds, "
                    + "optional address / lon / lat / crs placed through 粤政图 as for the REST upload, and sm3: the "
                    + "SM3 the device computed over the file). The hub computes the SM3 on arrival: a different one is "
                    + "INVALID and nothing is stored. A re-send by the same officer is DUPLICATE and stores nothing "
                    + "again; the clientId used by another officer or for another file is CONFLICT. A file above the "
                    + "evidence limit is 413; a malformed `item` or deviceId 400.")
    public SyncResult evidence(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                               @PathVariable UUID clientId, @RequestPart("file") MultipartFile file,
                               @RequestPart("item") String item) {
        EvidenceUploads.requireWithin(file, maxEvidenceBytes);   // 413 before anything else is read
        JsonNode node;
        try {
            node = mapper.readTree(item);
        } catch (JsonProcessingException e) {
            throw new DomainValidationException("item", "is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new DomainValidationException("item", "must be a JSON object");
        }
        String deviceId = node.path("deviceId").isTextual() ? node.path("deviceId").asText() : null;
        MobileSyncService.checkDevice(deviceId);   // the envelope, as a batch's deviceId: a 400
        UUID caseId = null;
        try {
            EvidenceItemBody body = read(node, EvidenceItemBody.class, "item");
            caseId = body.caseId();
            var evidence = EvidenceUploads.of(file, body.description(), body.collectedAt(), body.where(),
                    body.coOfficerIds(), maxEvidenceBytes, EvidenceUploads.place(body.address(), body.lon(),
                            body.lat(), body.crs()));
            return sync.applyEvidence(actor, deviceId, new SyncItem.Evidence(clientId, body.target(), caseId,
                    body.expectedVersion(), evidence, new Sm3(body.sm3().toLowerCase(java.util.Locale.ROOT))));
        } catch (DomainValidationException e) {
            return new SyncResult(clientId, SyncResult.Outcome.INVALID, caseId, null, e.getMessage());
        }
    }

    private SyncItem toItem(SyncItemBody item) {
        String type = item.type();
        if ("LEAD".equals(type)) {
            LeadBody lead = read(item.lead(), LeadBody.class, "lead");
            return new SyncItem.Lead(item.clientId(), lead.toLead());
        }
        if ("MEASURE".equals(type)) {
            return new SyncItem.Measure(item.clientId(), read(item.body(), ProcedureBodies.MeasureBody.class,
                    "body").toMeasure());
        }
        if ("INSPECTION".equals(type)) {
            return new SyncItem.Inspection(item.clientId(), read(item.body(), ProcedureBodies.InspectionBody.class,
                    "body").toInspection());
        }
        if (!"STEP".equals(type) && !"MEASURE_STEP".equals(type) && !"INSPECTION_STEP".equals(type)) {
            throw new DomainValidationException("type", "must be " + TYPES);
        }
        if (item.caseId() == null) {
            throw new DomainValidationException("caseId", "is required for a step");
        }
        if ("MEASURE_STEP".equals(type)) {
            return new SyncItem.MeasureStep(item.clientId(), item.caseId(), item.expectedVersion(),
                    read(item.body(), stepType(MEASURE_STEPS, item.step()), "body").toCommand());
        }
        if ("INSPECTION_STEP".equals(type)) {
            return new SyncItem.InspectionStep(item.clientId(), item.caseId(), item.expectedVersion(),
                    read(item.body(), stepType(INSPECTION_STEPS, item.step()), "body").toCommand());
        }
        return new SyncItem.Step(item.clientId(), item.caseId(), item.expectedVersion(),
                read(item.body(), stepType(STEPS, item.step()), "body").toCommand());
    }

    private static <T> Class<? extends T> stepType(Map<String, Class<? extends T>> steps, String step) {
        Class<? extends T> type = step == null ? null : steps.get(step);
        if (type == null) {
            throw new DomainValidationException("step", "must be one of " + new TreeSet<>(steps.keySet()));
        }
        return type;
    }

    private <T> T read(JsonNode node, Class<T> type, String field) {
        if (node == null || node.isNull()) {
            throw new DomainValidationException(field, "is required");
        }
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Name the field at fault (body.servedOn), not just the part it is in.
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") : "";
            throw new DomainValidationException(path.isEmpty() ? field : field + "." + path, "is not a valid "
                    + field + " (" + e.getMessage().split("\n")[0] + ")");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new DomainValidationException(field, violations.stream().map(v -> v.getPropertyPath() + " "
                    + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return value;
    }
}
