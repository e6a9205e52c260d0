package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Supervision's read model of inspections (行政检查): for each, the subject that planned it and the day it was
 * carried out, folded from the domain's {@link InspectionEvent}s.
 */
public final class InspectionReadModel {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Map<CaseNumber, InspectionFacts> inspections = new ConcurrentHashMap<>();

    /**
     * One inspection as the indicators count it.
     *
     * @param number      its number
     * @param subject     the subject that planned it
     * @param objectId    the inspected object (检查对象): the entity's 统一社会信用代码 or 身份证号
     * @param matterCode  the published inspection item (检查事项) it was planned for
     * @param inspectedOn the day it was carried out (China time), or {@code null} while not yet
     */
    public record InspectionFacts(CaseNumber number, SubjectId subject, String objectId, String matterCode,
                                  LocalDate inspectedOn) {
        public InspectionFacts {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(matterCode, "matterCode");
        }
    }

    /**
     * Applies one event (repeating one changes nothing).
     *
     * @throws IllegalArgumentException when an inspection's first event is not {@code InspectionPlanned}
     */
    public synchronized void apply(InspectionEvent event) {
        InspectionFacts current = inspections.get(event.caseNumber());
        if (event instanceof InspectionEvent.InspectionPlanned p) {
            if (current == null) {
                inspections.put(p.caseNumber(), new InspectionFacts(p.caseNumber(), p.subject(),
                        p.entity().idNumber(), p.item().code().value(), null));
            }
            return;
        }
        if (current == null) {
            throw new IllegalArgumentException("an inspection starts with InspectionPlanned, not "
                    + event.getClass().getSimpleName());
        }
        if (event instanceof InspectionEvent.InspectionCarriedOut c) {
            inspections.put(c.caseNumber(), new InspectionFacts(current.number(), current.subject(),
                    current.objectId(), current.matterCode(), c.inspectedAt().atZone(CHINA).toLocalDate()));
        }
    }

    /** Every inspection known. */
    public Collection<InspectionFacts> all() {
        return List.copyOf(inspections.values());
    }
}
