package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.licence.wire.VerifyLicenceResponseType;

/** Checks a verify answer against the contract and turns it into a {@link VerifyLicenceResult}. */
final class VerifyLicenceResponses {

    private static final LicenceAnswers CHECK = new LicenceAnswers(ElicenceClient.VERIFY);

    private VerifyLicenceResponses() {
    }

    /**
     * @param request   what we asked
     * @param requestId the request id we sent, which the provider must echo
     * @throws ProviderResponseInvalidException naming the first rule the answer breaks
     */
    static VerifyLicenceResult toResult(VerifyLicenceRequest request, String requestId,
                                        VerifyLicenceResponseType response) {
        CHECK.header(response, response == null ? null : response.header, requestId);
        LicenceState state = CHECK.state("resultCode", response.resultCode, true);
        if (state == LicenceState.NOT_FOUND) {
            if (response.licence != null) {
                throw CHECK.invalid("licence must be absent when resultCode is NOT_FOUND");
            }
            return VerifyLicenceResult.notFound(request.licenceId());
        }
        return CHECK.licence(request.licenceId(), state, response.licence);
    }
}
