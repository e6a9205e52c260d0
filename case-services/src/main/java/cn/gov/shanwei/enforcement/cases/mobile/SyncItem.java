package cn.gov.shanwei.enforcement.cases.mobile;

import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;

import java.util.Objects;
import java.util.UUID;

/** One item of a batch captured offline on a device; {@code clientId} is made by the device and never reused. */
public sealed interface SyncItem {

    /** The device-made id of the item. */
    UUID clientId();

    /** A lead registered offline; the case gets the item's id, so steps in the same batch can name it. */
    record Lead(UUID clientId, NewLead lead) implements SyncItem {
        public Lead {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(lead, "lead");
        }
    }

    /** A step of a case, taken on the version the device had ({@code null}: whatever is current). */
    record Step(UUID clientId, UUID caseId, Long expectedVersion, PenaltyCommand command) implements SyncItem {
        public Step {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(command, "command");
        }
    }
}
