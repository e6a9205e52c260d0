package cn.gov.shanwei.enforcement.cases.mobile;

import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewInspection;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewMeasure;
import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.Objects;
import java.util.UUID;

/**
 * One item captured offline on a device; {@code clientId} is made by the device and never reused. A creation (lead,
 * measure, inspection) gives its case or procedure the item's id, so later items can name it before the hub has seen
 * it.
 */
public sealed interface SyncItem {

    /** The device-made id of the item. */
    UUID clientId();

    /** The case or procedure the item acts on; for a creation, the one it creates (the item's own id). */
    UUID caseId();

    /** The kind of item, remembered with an applied item: a re-send must be the same kind of item. */
    default Kind kind() {
        return this instanceof Lead ? Kind.LEAD : this instanceof Step ? Kind.STEP
                : this instanceof Measure ? Kind.MEASURE : this instanceof MeasureStep ? Kind.MEASURE_STEP
                : this instanceof Inspection ? Kind.INSPECTION : this instanceof InspectionStep ? Kind.INSPECTION_STEP
                : Kind.EVIDENCE;
    }

    /** An item that creates a case or procedure under the item's own id. */
    sealed interface Creation extends SyncItem {
        @Override
        default UUID caseId() {
            return clientId();
        }
    }

    /** The kinds of item. */
    enum Kind { LEAD, STEP, MEASURE, MEASURE_STEP, INSPECTION, INSPECTION_STEP, EVIDENCE }

    /** What evidence is about: a penalty case, a coercive measure or an inspection. */
    enum Target { PENALTY, MEASURE, INSPECTION }

    /** A lead registered offline; the case gets the item's id, so steps in the same batch can name it. */
    record Lead(UUID clientId, NewLead lead) implements Creation {
        public Lead {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(lead, "lead");
        }
    }

    /** A step of a penalty case, taken on the version the device had ({@code null}: whatever is current). */
    record Step(UUID clientId, UUID caseId, Long expectedVersion, PenaltyCommand command) implements SyncItem {
        public Step {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(command, "command");
        }
    }

    /** A coercive measure (查封、扣押) taken on site, urgently or with the head's prior approval; it gets the item's id. */
    record Measure(UUID clientId, NewMeasure measure) implements Creation {
        public Measure {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(measure, "measure");
        }
    }

    /** A step of a coercive measure, taken on the version the device had ({@code null}: whatever is current). */
    record MeasureStep(UUID clientId, UUID caseId, Long expectedVersion, MeasureCommand command) implements SyncItem {
        public MeasureStep {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(command, "command");
        }
    }

    /** A targeted inspection planned offline; it gets the item's id. */
    record Inspection(UUID clientId, NewInspection inspection) implements Creation {
        public Inspection {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(inspection, "inspection");
        }
    }

    /** A step of an inspection, taken on the version the device had ({@code null}: whatever is current). */
    record InspectionStep(UUID clientId, UUID caseId, Long expectedVersion, InspectionCommand command)
            implements SyncItem {
        public InspectionStep {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * Evidence captured offline (a photo, a recording) for a case or procedure, with the SM3 digest the device
     * computed: the hub computes its own on arrival and stores nothing when they differ.
     */
    record Evidence(UUID clientId, Target target, UUID caseId, Long expectedVersion, NewEvidence evidence,
                    Sm3 deviceSm3) implements SyncItem {
        public Evidence {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(deviceSm3, "deviceSm3");
        }
    }
}
