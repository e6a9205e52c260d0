package cn.gov.shanwei.enforcement.sdk.cases;

import java.util.List;
import java.util.Objects;

/**
 * 当场处罚 (简易程序, 行政处罚法 art. 51–52): a warning or a small fine decided and delivered on the spot by the acting
 * officer with at least one co-officer. The hub opens the case decided and served (stage {@code SERVED}) and refuses
 * a fine above the summary limit (by default 200 yuan for a person, 3,000 yuan for an organisation).
 *
 * @param matterCode   enforcement matter code (事项编码)
 * @param party        the party
 * @param placeCode    administrative division code of where it happened
 * @param coOfficerIds the other certified officers present, 1–10
 * @param kind         {@link PenaltyKind#WARNING} or {@link PenaltyKind#FINE}
 * @param fineFen      the fine in fen; 0 for a warning
 * @param facts        what was found, up to 4000 characters
 */
public record OnTheSpotPenalty(String matterCode, Party party, String placeCode, List<String> coOfficerIds,
                               PenaltyKind kind, long fineFen, String facts) {

    /** Validates required components and copies the list; formats are checked by the hub. */
    public OnTheSpotPenalty {
        Objects.requireNonNull(matterCode, "matterCode");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(placeCode, "placeCode");
        coOfficerIds = List.copyOf(coOfficerIds);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(facts, "facts");
    }
}
