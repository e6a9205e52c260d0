package cn.gov.shanwei.enforcement.routes.licence;

import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceState;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceRequest;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceResult;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.licence.LicenceDetails;
import cn.gov.shanwei.enforcement.domain.licence.LicenceStatus;
import cn.gov.shanwei.enforcement.domain.licence.LicenceVerification;

import java.time.Clock;
import java.util.Objects;

/**
 * The bean the licence route calls for one attempt: speaks to the adapter and maps the provider's words to the
 * domain's. The holder's id number is masked here, so it never travels further into the hub.
 */
public final class ElicenceGateway {

    private final ElicenceClient client;
    private final Clock clock;

    public ElicenceGateway(ElicenceClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LicenceVerification verify(LicenceVerifyCall call) {
        VerifyLicenceResult result = client.verify(new VerifyLicenceRequest(call.licenceId().value(),
                call.context().matterCode(), call.context().caseNumber(), call.context().officerId()));
        if (result.state() == LicenceState.NOT_FOUND) {
            return LicenceVerification.notFound(call.licenceId(), clock.instant());
        }
        LicenceDetails details = new LicenceDetails(result.licenceName(), result.catalogueCode(), result.holderName(),
                PersonalDataMask.mask(result.holderIdNumber()), result.issuerName(), result.validFrom(),
                result.validUntil());
        return LicenceVerification.found(call.licenceId(), toStatus(result.state()), details, clock.instant());
    }

    private static LicenceStatus toStatus(LicenceState state) {
        return switch (state) {
            case VALID -> LicenceStatus.VALID;
            case EXPIRED -> LicenceStatus.EXPIRED;
            case REVOKED -> LicenceStatus.REVOKED;
            case NOT_FOUND -> LicenceStatus.NOT_FOUND;
        };
    }
}
