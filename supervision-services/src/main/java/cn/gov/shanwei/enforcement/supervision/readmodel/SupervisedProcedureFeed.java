package cn.gov.shanwei.enforcement.supervision.readmodel;

import java.util.List;

/**
 * The port through which supervision reads the case platform's procedure log: the events of coercive measures
 * (行政强制措施) and inspections (行政检查), in one order. Like {@link SupervisedCaseFeed} for penalty cases, it is
 * only read, in order, from a position the reader remembers ({@link ProcedureReadModels#catchUp}).
 */
public interface SupervisedProcedureFeed {

    /**
     * The events recorded after {@code position}, oldest first, at most {@code max} of them.
     *
     * @param position the last position already read (0 to start from the beginning)
     * @param max      the most entries to return, at least 1
     * @return the next entries; empty when nothing new was recorded
     */
    List<ProcedureFeedEntry> after(long position, int max);
}
