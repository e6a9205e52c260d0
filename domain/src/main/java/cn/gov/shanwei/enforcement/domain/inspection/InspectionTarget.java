package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who is inspected, where and when.
 *
 * @param number    the inspection's case number
 * @param entity    the inspected enterprise or person; {@code idNumber} is its id in the entity pool (统一社会信用代码)
 * @param place     where the inspection takes place
 * @param plannedOn the planned day
 */
public record InspectionTarget(CaseNumber number, Party entity, RegionCode place, LocalDate plannedOn) {
    public InspectionTarget {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(plannedOn, "plannedOn");
    }
}
