package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.time.LocalDate;
import java.util.List;

/**
 * A targeted inspection to plan (a 双随机 draw's inspections are planned from the draw, which this API does not
 * take yet).
 *
 * @param itemCode     the published inspection item (a matter of kind INSPECTION)
 * @param origin       what prompted it (not RANDOM_DRAW)
 * @param reason       what prompted it, in words
 * @param entity       the inspected enterprise or person (identifier encrypted at rest)
 * @param placeCode    where
 * @param plannedOn    the planned day
 * @param inspectorIds the assigned inspectors (two certified officers at least)
 */
public record NewInspection(String itemCode, InspectionOrigin origin, String reason, Party entity, String placeCode,
                            LocalDate plannedOn, List<String> inspectorIds) {

    @Override
    public String toString() {
        return "NewInspection[" + itemCode + ", " + origin + ", " + entity.kind() + " "
                + PersonalDataMask.mask(entity.idNumber()) + ", " + placeCode + ", " + plannedOn + "]";
    }
}
