package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.seal.SealClient;
import cn.gov.shanwei.enforcement.adapters.seal.SignatureMade;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code seal.sign}: signs a digest a municipal system sent through the hub ({@code POST /api/v1/seals/signatures}).
 * Not resend-safe; reconciles by the request id (our business key, sent to the service with the request) before
 * any retry, and stores the signature found instead of signing again.
 */
public class SealSignHandler implements DurableCallHandler {

    /** {@code seal.sign}, queue {@code hub.durable.seal.sign}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.SEAL, "sign");

    private final SealProvider provider;
    private final SealSignatureRequests requests;
    private final Clock clock;

    public SealSignHandler(SealProvider provider, SealSignatureRequests requests, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        SealSignatureRequests.Row row = row(call);
        if (row.state() != SealSignatureRequests.State.PENDING) {
            return row.requestId();
        }
        SignatureMade made;
        try {
            made = provider.client().signUnder(row.sealId(), row.signerId(), HexFormat.of().parseHex(row.dataHash()),
                    row.propertyInfo(), row.requestId());
        } catch (ProviderRejectedException refused) {
            requests.refused(row.requestId(), "the seal service refused: " + refused.providerCode() + " "
                    + refused.getMessage());
            throw refused;
        }
        requests.signed(row.requestId(), made.signatureId(), made.sesSignature(), clock.instant());
        return row.requestId();
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    @Override
    public boolean alreadyDone(DurableCall call) {
        SealSignatureRequests.Row row = row(call);
        if (row.state() != SealSignatureRequests.State.PENDING) {
            return true;
        }
        Optional<SignatureMade> found = provider.client().findSignature(row.requestId());
        found.ifPresent(s -> requests.signed(row.requestId(), s.signatureId(), s.sesSignature(), clock.instant()));
        return found.isPresent();
    }

    private SealSignatureRequests.Row row(DurableCall call) {
        return requests.byId(call.businessKey()).orElseThrow(() -> new AdapterValidationException(
                SealClient.PROVIDER, SealClient.SIGN, "requestId", "no signature request " + call.businessKey()));
    }
}
