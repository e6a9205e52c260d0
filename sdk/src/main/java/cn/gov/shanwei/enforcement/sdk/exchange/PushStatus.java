package cn.gov.shanwei.enforcement.sdk.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A push as the hub tracks it.
 *
 * @param trackingId the push
 * @param state      where it stands
 * @param mode       how it reached the province ({@code SERVICE}, {@code FILE}, {@code FRONT_DB}), once delivered
 * @param createdAt  when the hub accepted it
 * @param settledAt  when it got the province's answer, if it has
 * @param records    its records with their answers, in the order pushed
 */
public record PushStatus(String trackingId, PushState state, Optional<String> mode, Instant createdAt,
                         Optional<Instant> settledAt, List<RecordOutcome> records) {

    public PushStatus {
        records = List.copyOf(records);
    }
}
