package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceVerification;
import cn.gov.shanwei.enforcement.sdk.licences.LicencesClient;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import java.util.Objects;

/** {@link LicencesClient} over the hub's REST API. Thread-safe. */
public final class DefaultLicencesClient implements LicencesClient {

    static final String VERIFICATIONS_PATH = "/api/v1/licences/verifications";

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultLicencesClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public LicenceVerification verify(VerifyLicenceRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        byte[] body = Json.write(LicenceWire.VerifyBody.of(request));
        HubResponse response = transport.execute(
                HubCall.post("licences.verify", "Licence verification", VERIFICATIONS_PATH, body, options));
        return LicenceWire.toVerification(response);
    }
}
