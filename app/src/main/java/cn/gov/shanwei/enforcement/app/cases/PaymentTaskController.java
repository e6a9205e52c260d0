package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.payment.PaymentTasks;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * Payment tasks on the staff API: {@code /api/v1/cases/payment-reviews} (callbacks that changed nothing) and
 * {@code /api/v1/cases/reconciliation-tasks} (reconciliation mismatches) — list, read, resolve. Subject heads
 * (their subject's) and administrators (all); every resolution audited.
 */
@RestController
@Tag(name = "Payment tasks", description = "payment reviews and reconciliation mismatches (ADR 0801, 0802)")
public class PaymentTaskController extends CaseApiSupport {

    /** Task states for the list filter. */
    public enum State { OPEN, RESOLVED, DISMISSED }

    /** The resolution of a task. */
    public record ResolutionBody(@NotNull PaymentTasks.Resolution outcome, @NotBlank @Size(max = 2000) String note) {
    }

    private final PaymentTasks tasks;

    public PaymentTaskController(PaymentTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/api/v1/cases/{type:payment-reviews|reconciliation-tasks}")
    @Operation(summary = "List payment tasks, newest first", description = "Role SUBJECT_HEAD or ADMINISTRATOR")
    public CasePage<PaymentTasks.TaskView> list(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                @PathVariable String type,
                                                @RequestParam(required = false) State state,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "20") int size) {
        return tasks.list(actor, type(type), state == null ? null : state.name(), page, size);
    }

    @GetMapping("/api/v1/cases/{type:payment-reviews|reconciliation-tasks}/{id}")
    @Operation(summary = "Read a payment task", description = "Role SUBJECT_HEAD or ADMINISTRATOR")
    public PaymentTasks.TaskView get(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                     @PathVariable String type, @PathVariable long id) {
        return tasks.get(actor, type(type), id);
    }

    @PostMapping("/api/v1/cases/{type:payment-reviews|reconciliation-tasks}/{id}/resolution")
    @Operation(summary = "Resolve or dismiss an open payment task (audited)",
            description = "Role SUBJECT_HEAD or ADMINISTRATOR")
    public PaymentTasks.TaskView resolve(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                         @PathVariable String type, @PathVariable long id,
                                         @Valid @RequestBody ResolutionBody body) {
        return tasks.resolve(actor, type(type), id, body.outcome(), body.note());
    }

    private static PaymentTasks.Type type(String path) {
        return "payment-reviews".equals(path) ? PaymentTasks.Type.REVIEW : PaymentTasks.Type.RECONCILIATION;
    }
}
