package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.cases.CasesClient;
import cn.gov.shanwei.enforcement.sdk.cases.OfficerCasesClient;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCasesClient;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionsClient;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoerciveMeasuresClient;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@link CasesClient} over the hub's staff API, as a signed client acting for an officer. Thread-safe. */
public final class DefaultCasesClient implements CasesClient {

    static final String OFFICER_HEADER = HubRequestSignature.OFFICER_HEADER;
    private static final Pattern OFFICER_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultCasesClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public OfficerCasesClient actingFor(String officerId) {
        Objects.requireNonNull(officerId, "officerId");
        if (!OFFICER_ID.matcher(officerId).matches()) {
            throw new IllegalArgumentException("officerId must be 1-64 visible ASCII characters, was '" + officerId
                    + "'");
        }
        OfficerCalls calls = new OfficerCalls(transport, officerId);
        PenaltyCasesClient penalties = new DefaultPenaltyCasesClient(calls);
        CoerciveMeasuresClient measures = new DefaultCoerciveMeasuresClient(calls);
        InspectionsClient inspections = new DefaultInspectionsClient(calls);
        return new OfficerCasesClient() {
            @Override
            public String officerId() {
                return officerId;
            }

            @Override
            public PenaltyCasesClient penalties() {
                return penalties;
            }

            @Override
            public CoerciveMeasuresClient measures() {
                return measures;
            }

            @Override
            public InspectionsClient inspections() {
                return inspections;
            }

            @Override
            public String toString() {
                return "OfficerCasesClient[" + officerId + "]";
            }
        };
    }

    /** The calls of one officer: each carries {@value #OFFICER_HEADER}, which the transport signs. */
    record OfficerCalls(HubTransport transport, String officerId) {

        HubResponse execute(HubCall call) {
            return transport.execute(call.withHeader(OFFICER_HEADER, officerId));
        }

        /** A step at {@code expectedVersion}: sent as {@code If-Match}, the ETag the hub answered. */
        HubResponse execute(HubCall call, long expectedVersion) {
            return execute(call.withHeader("If-Match", "\"" + expectedVersion + "\""));
        }

        HubStream download(HubCall call) {
            return transport.download(call.withHeader(OFFICER_HEADER, officerId).withHeader("Accept", "*/*"));
        }
    }
}
