package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.deadline.Deadline;

import java.time.Instant;
import java.util.List;

/**
 * A case as its officers and supervisors see it: the summary, the running deadlines, the evidence and the record's
 * links (type, time and hash; the event contents are in the case file export).
 *
 * @param summary   the list fields
 * @param status    the worst deadline state today
 * @param deadlines the deadlines running today
 * @param evidence  the evidence recorded
 * @param record    the full-process record's links
 * @param headHash  the SM3 hash of the last link (anchor it to detect truncation)
 */
public record PenaltyCaseDetail(PenaltyCaseSummary summary, String status, List<Deadline> deadlines,
                                List<Evidence> evidence, List<Link> record, String headHash) {

    /**
     * One evidence item.
     *
     * @param evidenceId  its id within the case
     * @param description what it is
     * @param sm3         the SM3 digest of the file
     * @param collectedAt when it was collected
     * @param where       where
     * @param officers    the officers who took it
     */
    public record Evidence(String evidenceId, String description, String sm3, Instant collectedAt, String where,
                           List<String> officers) {
    }

    /**
     * One link of the record.
     *
     * @param sequence 1, 2, …
     * @param type     the event type
     * @param at       when it was recorded
     * @param hash     the link's SM3 hash
     */
    public record Link(long sequence, String type, Instant at, String hash) {
    }
}
