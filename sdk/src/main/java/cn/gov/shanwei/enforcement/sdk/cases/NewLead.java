package cn.gov.shanwei.enforcement.sdk.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A lead (案源) to register: the start of a penalty case.
 *
 * @param matterCode   enforcement matter code (事项编码) from the matter catalogue
 * @param party        the party
 * @param placeCode    administrative division code of where it happened, for example {@code 441521}
 * @param discoveredOn the day it was discovered
 * @param facts        what was found, up to 4000 characters
 */
public record NewLead(String matterCode, Party party, String placeCode, LocalDate discoveredOn, String facts) {

    /** Validates required components; field formats are checked by the hub, which names each bad field. */
    public NewLead {
        Objects.requireNonNull(matterCode, "matterCode");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(placeCode, "placeCode");
        Objects.requireNonNull(discoveredOn, "discoveredOn");
        Objects.requireNonNull(facts, "facts");
    }
}
