package cn.gov.shanwei.enforcement.sdk.cases.inspections;

import cn.gov.shanwei.enforcement.sdk.cases.Party;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A targeted inspection to plan (role OFFICER): a published inspection item, at least two certified inspectors,
 * within the entity's yearly limit (国办发〔2024〕54号). The head approves it before it is carried out.
 *
 * @param itemCode     the published inspection item (检查事项)
 * @param origin       why; {@link InspectionOrigin#RANDOM_DRAW} is refused here
 * @param reason       the reason, up to 2000 characters
 * @param entity       the inspected person or organisation
 * @param placeCode    administrative division code
 * @param plannedOn    the planned day
 * @param inspectorIds the inspectors, 1–10, the acting officer usually among them
 */
public record NewInspection(String itemCode, InspectionOrigin origin, String reason, Party entity, String placeCode,
                            LocalDate plannedOn, List<String> inspectorIds) {

    /** Validates required components and copies the list; formats are checked by the hub. */
    public NewInspection {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(placeCode, "placeCode");
        Objects.requireNonNull(plannedOn, "plannedOn");
        inspectorIds = List.copyOf(inspectorIds);
    }
}
