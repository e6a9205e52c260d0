package cn.gov.shanwei.enforcement.routes.licence;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;

import java.util.Objects;

/** The body of an exchange on the licence-verify route. */
public record LicenceVerifyCall(LicenceId licenceId, CallContext context) {

    public LicenceVerifyCall {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(context, "context");
    }
}
