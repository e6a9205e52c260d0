package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;

import java.util.Objects;

/**
 * One event of the case platform's log with its position in the log.
 *
 * @param position strictly increasing position in the log (1 for the first event)
 * @param event    the case event
 */
public record FeedEntry(long position, PenaltyCaseEvent event) {
    public FeedEntry {
        FeedPositions.check(position);
        Objects.requireNonNull(event, "event");
    }
}
