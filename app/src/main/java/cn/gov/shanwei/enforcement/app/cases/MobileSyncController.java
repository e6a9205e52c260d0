package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.LeadBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.StepBody;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.mobile.MobileSyncService;
import cn.gov.shanwei.enforcement.cases.mobile.SyncItem;
import cn.gov.shanwei.enforcement.cases.mobile.SyncResult;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mobile enforcement (移动办案): a device sends what it captured offline as one batch of items with ids it made
 * itself. Each item is applied or refused on its own and answered with its own outcome; a re-sent batch applies
 * nothing twice (DUPLICATE).
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

    private final MobileSyncService sync;
    private final ObjectMapper mapper;
    private final Validator validator;

    /**
     * @param sync      the sync use case
     * @param mapper    the application's mapper (strict for this package's bodies)
     * @param validator bean validation
     */
    public MobileSyncController(MobileSyncService sync, ObjectMapper mapper, Validator validator) {
        this.sync = sync;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** One item as sent: a lead, or a step ({@link #STEPS}) with its body. */
    record ItemBody(@NotNull UUID clientId, @NotBlank String type, JsonNode lead, UUID caseId, Long expectedVersion,
                    String step, JsonNode body) {
    }

    /** A batch. */
    record BatchBody(@NotBlank @Size(max = 64) String deviceId,
                     @NotEmpty @Size(max = MobileSyncService.MAX_ITEMS) List<@NotNull @Valid ItemBody> items) {
    }

    /** The outcome of each item, in the order sent. */
    record BatchResponse(List<SyncResult> results) {
    }

    @PostMapping
    @Operation(summary = "Apply a batch captured offline; each item is answered on its own",
            description = "type LEAD (the case gets clientId as its id) or STEP (step: " + "filing, notices, "
                    + "hearing-requests, service, payments, closure; body as for the case API)")
    public BatchResponse sync(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                              @Valid @RequestBody BatchBody batch) {
        List<SyncResult> results = new ArrayList<>();
        List<SyncItem> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (ItemBody item : batch.items()) {
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

    private SyncItem toItem(ItemBody item) {
        if ("LEAD".equals(item.type())) {
            LeadBody lead = read(item.lead(), LeadBody.class, "lead");
            return new SyncItem.Lead(item.clientId(), lead.toLead());
        }
        if (!"STEP".equals(item.type())) {
            throw new DomainValidationException("type", "must be LEAD or STEP");
        }
        if (item.caseId() == null) {
            throw new DomainValidationException("caseId", "is required for a step");
        }
        Class<? extends StepBody> type = item.step() == null ? null : STEPS.get(item.step());
        if (type == null) {
            throw new DomainValidationException("step", "must be one of " + new TreeSet<>(STEPS.keySet()));
        }
        return new SyncItem.Step(item.clientId(), item.caseId(), item.expectedVersion(),
                read(item.body(), type, "body").toCommand());
    }

    private <T> T read(JsonNode node, Class<T> type, String field) {
        if (node == null || node.isNull()) {
            throw new DomainValidationException(field, "is required");
        }
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DomainValidationException(field, "is not a valid " + field + " (" + e.getMessage()
                    .split("\n")[0] + ")");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new DomainValidationException(field, violations.stream().map(v -> v.getPropertyPath() + " "
                    + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return value;
    }
}
