package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.time.LocalDate;

/**
 * A lead (案源) to register.
 *
 * @param matterCode   the matter (事项编码); the version in force on {@code discoveredOn} is used
 * @param party        the party (its identifier is encrypted at rest)
 * @param placeCode    the area where the facts took place
 * @param discoveredOn the day the lead was discovered
 * @param facts        what was found
 */
public record NewLead(String matterCode, Party party, String placeCode, LocalDate discoveredOn, String facts) {

    @Override
    public String toString() {
        return "NewLead[" + matterCode + ", " + party.kind() + " " + PersonalDataMask.mask(party.idNumber()) + ", "
                + placeCode + ", " + discoveredOn + "]";
    }
}
