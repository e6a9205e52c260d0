package cn.gov.shanwei.enforcement.supervision.readmodel;

import java.util.List;

/**
 * The port through which supervision reads the case platform's events (案件平台事件). Supervision never writes
 * cases: it only reads this feed, in order, from a position it remembers. The case platform's event log implements
 * it (issue 7); tests feed events they construct.
 */
public interface SupervisedCaseFeed {

    /**
     * The events recorded after {@code position}, oldest first, at most {@code max} of them.
     *
     * @param position the last position already read (0 to start from the beginning)
     * @param max      the most entries to return, at least 1
     * @return the next entries; empty when nothing new was recorded
     */
    List<FeedEntry> after(long position, int max);
}
