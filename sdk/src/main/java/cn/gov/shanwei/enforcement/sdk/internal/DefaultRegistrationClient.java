package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.registration.ClientRegistration;
import cn.gov.shanwei.enforcement.sdk.registration.RegistrationClient;
import java.util.Objects;

/** {@link RegistrationClient} over the hub's REST API. Thread-safe. */
public final class DefaultRegistrationClient implements RegistrationClient {

    static final String ME_PATH = "/api/v1/clients/me";

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultRegistrationClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public ClientRegistration get(RequestOptions options) {
        Objects.requireNonNull(options, "options");
        HubResponse response = transport.execute(
                HubCall.get("registration.get", "Client registration lookup", ME_PATH, options));
        return RegistrationWire.toRegistration(response);
    }
}
