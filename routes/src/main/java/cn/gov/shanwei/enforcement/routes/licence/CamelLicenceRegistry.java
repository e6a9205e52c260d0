package cn.gov.shanwei.enforcement.routes.licence;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import cn.gov.shanwei.enforcement.domain.licence.LicenceVerification;
import cn.gov.shanwei.enforcement.routes.support.ProviderCallInvoker;

import java.util.Objects;

/** The domain's licence port, implemented by the {@code licence-verify} route. */
public final class CamelLicenceRegistry implements LicenceRegistry {

    private final ProviderCallInvoker verifyCall;

    public CamelLicenceRegistry(ProviderCallInvoker verifyCall) {
        this.verifyCall = Objects.requireNonNull(verifyCall, "verifyCall");
    }

    @Override
    public LicenceVerification verify(LicenceId licenceId, CallContext context) {
        return verifyCall.invoke(new LicenceVerifyCall(licenceId, context), context, LicenceVerification.class);
    }
}
