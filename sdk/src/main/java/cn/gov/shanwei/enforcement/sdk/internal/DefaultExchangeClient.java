package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.sdk.exchange.PushReceipt;
import cn.gov.shanwei.enforcement.sdk.exchange.PushRecordsRequest;
import cn.gov.shanwei.enforcement.sdk.exchange.PushStatus;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@link ExchangeClient} over the hub's REST API. Thread-safe. */
public final class DefaultExchangeClient implements ExchangeClient {

    private static final Pattern TRACKING_ID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultExchangeClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public PushReceipt push(PushRecordsRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return ExchangeWire.toReceipt(transport.execute(HubCall.post("exchange.push", "Exchange record push",
                ExchangeWire.RECORDS_PATH, Json.write(ExchangeWire.PushBody.of(request)), options)));
    }

    @Override
    public PushStatus status(String trackingId) {
        if (trackingId == null || !TRACKING_ID.matcher(trackingId).matches()) {
            throw ValidationException.clientSide(List.of(new FieldError("trackingId",
                    "must be 1-64 letters, digits or . _ : -")));
        }
        return ExchangeWire.toStatus(transport.execute(HubCall.get("exchange.status", "Exchange push status",
                ExchangeWire.RECORDS_PATH + "/" + trackingId, RequestOptions.none())));
    }
}
