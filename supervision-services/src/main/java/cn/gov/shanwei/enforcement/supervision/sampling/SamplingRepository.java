package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.util.List;
import java.util.Optional;

/** Where sampling draws are recorded; a draw is never changed once saved. */
public interface SamplingRepository {

    /** Records a draw. */
    void save(SamplingDraw draw);

    /** The draw with {@code id}, if any. */
    Optional<SamplingDraw> find(String id);

    /** The draws made by {@code supervisor}, newest first. */
    List<SamplingDraw> bySupervisor(SubjectId supervisor);
}
