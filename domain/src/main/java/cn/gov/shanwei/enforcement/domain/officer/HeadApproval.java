package cn.gov.shanwei.enforcement.domain.officer;

import java.time.Instant;
import java.util.Objects;

/**
 * An approval by the head of the enforcement subject (行政机关负责人批准), as the approval form records it.
 *
 * @param head       the approving head
 * @param approvedAt when the head approved
 * @param opinion    the head's written opinion (审批意见), e.g. "同意"
 */
public record HeadApproval(OfficerId head, Instant approvedAt, String opinion) {
    public HeadApproval {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(opinion, "opinion");
    }
}
