package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.seals.SealVerification;
import cn.gov.shanwei.enforcement.sdk.seals.SealsClient;
import cn.gov.shanwei.enforcement.sdk.seals.SignDigestRequest;
import cn.gov.shanwei.enforcement.sdk.seals.SignatureRequest;
import cn.gov.shanwei.enforcement.sdk.seals.VerifySealRequest;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@link SealsClient} over the hub's REST API. Thread-safe. */
public final class DefaultSealsClient implements SealsClient {

    private static final Pattern REQUEST_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultSealsClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public SignatureRequest requestSignature(SignDigestRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return SealWire.toSignature(transport.execute(HubCall.post("seals.sign", "Seal signature request",
                SealWire.SIGNATURES_PATH, Json.write(SealWire.SignBody.of(request)), options)));
    }

    @Override
    public SignatureRequest signature(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw ValidationException.clientSide(List.of(new FieldError("requestId",
                    "must be 1-64 letters, digits, '_' or '-'")));
        }
        return SealWire.toSignature(transport.execute(HubCall.get("seals.signature", "Seal signature read",
                SealWire.SIGNATURES_PATH + "/" + requestId, RequestOptions.none())));
    }

    @Override
    public SealVerification verify(VerifySealRequest request) {
        Objects.requireNonNull(request, "request");
        return SealWire.toVerification(transport.execute(HubCall.post("seals.verify", "Seal verification",
                SealWire.VERIFICATIONS_PATH, Json.write(SealWire.VerifyBody.of(request)), RequestOptions.none())));
    }
}
