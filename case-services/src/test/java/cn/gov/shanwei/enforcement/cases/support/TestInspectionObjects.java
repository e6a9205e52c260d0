package cn.gov.shanwei.enforcement.cases.support;

import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionObjectPool;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An inspection-object catalogue tests fill per subject and item (listed on every day). */
public class TestInspectionObjects implements InspectionObjectPool {

    private final Map<String, List<PoolObject>> objects = new ConcurrentHashMap<>();

    /** Lists {@code objects} for {@code subjectId} and {@code itemCode}, replacing what was listed. */
    public void list(String subjectId, String itemCode, List<PoolObject> listed) {
        objects.put(subjectId + "|" + itemCode, List.copyOf(listed));
    }

    @Override
    public List<PoolObject> listed(String subjectId, String itemCode, LocalDate day) {
        return objects.getOrDefault(subjectId + "|" + itemCode, List.of());
    }
}
