package cn.gov.shanwei.enforcement.sdk.supervision;

import java.util.List;
import java.util.Objects;

/**
 * One case's supervision: its status and its alerts.
 *
 * @param status the case's live status
 * @param alerts its alerts, most severe first
 */
public record CaseSupervision(SupervisedCase status, List<Alert> alerts) {

    /** Requires the status; copies the list ({@code null} is empty). */
    public CaseSupervision {
        Objects.requireNonNull(status, "status");
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
