package cn.gov.shanwei.enforcement.adapters.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A notice's state as the fiscal system reports it.
 *
 * @param noticeNumber 缴款书号码
 * @param status       its status
 * @param totalFen     the amount due in fen
 * @param paidFen      the amount paid in fen; 0 unless {@link NoticeStatus#PAID}
 * @param paidAt       when it was paid; {@code null} unless paid
 */
public record NoticeState(String noticeNumber, NoticeStatus status, long totalFen, long paidFen, Instant paidAt) {

    public NoticeState {
        Objects.requireNonNull(noticeNumber, "noticeNumber");
        Objects.requireNonNull(status, "status");
        if ((status == NoticeStatus.PAID) != (paidAt != null)) {
            throw new IllegalArgumentException("paidAt is present exactly when the notice is paid");
        }
    }
}
