package cn.gov.shanwei.enforcement.cases.procedure.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Port: a subject's inspection-object catalogue (检查对象名录库) as a 双随机 draw reads it. The supervision platform
 * keeps the catalogue (imported through its API); the app implements this port over it.
 */
@FunctionalInterface
public interface InspectionObjectPool {

    /** No catalogue (the case platform alone): every draw finds an empty pool. */
    InspectionObjectPool NONE = (subjectId, itemCode, day) -> List.of();

    /**
     * The objects {@code subjectId} is to inspect for the inspection item {@code itemCode}, listed on {@code day}
     * (listed on or before it, not delisted by it).
     */
    List<PoolObject> listed(String subjectId, String itemCode, LocalDate day);

    /**
     * One listed object.
     *
     * @param objectId its 统一社会信用代码 or 身份证号
     * @param name     its name
     */
    record PoolObject(String objectId, String name) {
        public PoolObject {
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(name, "name");
        }
    }
}
