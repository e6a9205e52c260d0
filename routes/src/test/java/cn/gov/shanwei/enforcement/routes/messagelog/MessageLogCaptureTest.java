package cn.gov.shanwei.enforcement.routes.messagelog;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceState;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceResult;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryLedger;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallProcessor;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import cn.gov.shanwei.enforcement.routes.licence.ElicenceGateway;
import cn.gov.shanwei.enforcement.routes.licence.LicenceVerifyCall;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What reaches the {@link MessageLog} port from a durable attempt, and how adapter objects are rendered. */
class MessageLogCaptureTest {

    private static final ProviderOperation USAGE = new ProviderOperation(Provider.LICENCE, "usage-record");
    private static final CallContext CONTEXT =
            new CallContext("case-platform", "officer-1", "SW-2026-9", "330217001000", "k-9", "trace-9");

    private final List<LoggedExchange> logged = new ArrayList<>();

    @Test
    void durableAttempt_logsItsPayloadAndTheProvidersReference() {
        processor(call -> "REF-77").deliver(new DurableCall(USAGE, "biz-9", "{\"licenceId\":\"L-1\"}", CONTEXT, 1));

        assertThat(logged).singleElement().satisfies(exchange -> {
            assertThat(exchange.provider()).isEqualTo(Provider.LICENCE);
            assertThat(exchange.operation()).isEqualTo("usage-record");
            assertThat(exchange.context()).isEqualTo(CONTEXT);
            assertThat(exchange.requestBody()).isEqualTo("{\"licenceId\":\"L-1\"}");
            assertThat(exchange.responseBody()).isEqualTo("REF-77");
            assertThat(exchange.fault()).isNull();
            assertThat(exchange.answeredAt()).isAfterOrEqualTo(exchange.requestedAt());
        });
    }

    @Test
    void refusedDurableAttempt_logsThePayloadAndTheFailureWithoutAnAnswer() {
        DurableCallProcessor processor = processor(call -> {
            throw new ProviderRejectedException("licence", "usage-record", "refused", "E42", null, null);
        });

        assertThatThrownBy(() -> processor.deliver(new DurableCall(USAGE, "biz-9", "{}", CONTEXT, 1)))
                .isInstanceOf(ProviderRejectedException.class);
        assertThat(logged).singleElement().satisfies(exchange -> {
            assertThat(exchange.responseBody()).isNull();
            assertThat(exchange.fault()).isEqualTo("ProviderRejectedException");
        });
    }

    @Test
    void licenceVerify_whenTheProviderFailsAndTheLogToo_theProvidersFailureStaysPrimary() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RuntimeException logDown = new IllegalStateException("message log gone");
        try (ElicenceClient client = ElicenceClient.builder()
                .endpoint(java.net.URI.create("http://127.0.0.1:" + closedPort + "/elicence"))
                .connectTimeout(java.time.Duration.ofMillis(500)).receiveTimeout(java.time.Duration.ofMillis(500))
                .requesterSystem("hub").build()) {
            ElicenceGateway gateway = new ElicenceGateway(client, Clock.systemUTC(), exchange -> {
                throw logDown;
            });

            assertThatThrownBy(() -> gateway.verify(new LicenceVerifyCall(LicenceId.parse(
                    "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z"), CONTEXT), null))
                    .isInstanceOf(ProviderTransportException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(logDown));
        }
    }

    @Test
    void adapterRecords_renderAsJsonWithSortedPropertiesAndIsoDates_unmasked() {
        VerifyLicenceResult result = new VerifyLicenceResult("L-1", LicenceState.VALID, "食品经营许可证", "C1",
                "某公司", "91441500MA4W0000X", "汕尾市市场监督管理局", LocalDate.of(2024, 3, 1), null);

        String text = ExchangeBodies.of(result);

        assertThat(text).startsWith("{\"catalogueCode\":\"C1\",\"holderIdNumber\":\"91441500MA4W0000X\"")
                .contains("\"validFrom\":\"2024-03-01\"");
        assertThat(ExchangeBodies.of(result)).isEqualTo(text);
        assertThat(ExchangeBodies.of("<soap/>")).isEqualTo("<soap/>");
    }

    private DurableCallProcessor processor(Function<DurableCall, String> provider) {
        DurableCallHandler handler = new DurableCallHandler() {
            @Override
            public ProviderOperation operation() {
                return USAGE;
            }

            @Override
            public String execute(DurableCall call) {
                return provider.apply(call);
            }

            @Override
            public boolean resendIsSafe() {
                return true;
            }

            @Override
            public boolean alreadyDone(DurableCall call) {
                return false;
            }
        };
        DeliveryLedger firstAttempts = new DeliveryLedger() {
            @Override
            public Claim claim(String idempotencyKey) {
                return new Claim(State.FIRST_ATTEMPT, 1);
            }

            @Override
            public void completed(String idempotencyKey, String providerReference, boolean reconciled) {
            }

            @Override
            public void failed(String idempotencyKey, String error, boolean permanent) {
            }
        };
        return new DurableCallProcessor(handler, firstAttempts, record -> { }, Clock.systemUTC(), null,
                logged::add);
    }
}
