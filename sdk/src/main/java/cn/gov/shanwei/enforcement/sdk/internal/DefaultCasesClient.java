package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.CasesClient;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCasesClient;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@link CasesClient} over the hub's staff API, as a signed client acting for an officer. Thread-safe. */
public final class DefaultCasesClient implements CasesClient {

    static final String OFFICER_HEADER = "X-Hub-Officer-Id";
    private static final Pattern OFFICER_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultCasesClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public PenaltyCasesClient actingFor(String officerId) {
        Objects.requireNonNull(officerId, "officerId");
        if (!OFFICER_ID.matcher(officerId).matches()) {
            throw new IllegalArgumentException("officerId must be 1-64 visible ASCII characters, was '" + officerId
                    + "'");
        }
        return new Penalties(officerId);
    }

    private final class Penalties implements PenaltyCasesClient {

        private final String officerId;

        Penalties(String officerId) {
            this.officerId = officerId;
        }

        @Override
        public CasePage<PenaltyCaseSummary> list(PenaltyCaseQuery query) {
            Objects.requireNonNull(query, "query");
            return CasesWire.toPage(execute(HubCall.get("cases.penalties.list", "Penalty case list",
                    CasesWire.listPath(query), RequestOptions.none())));
        }

        @Override
        public PenaltyCase get(UUID id) {
            Objects.requireNonNull(id, "id");
            return CasesWire.toCase(execute(HubCall.get("cases.penalties.get", "Penalty case read",
                    CasesWire.PENALTIES_PATH + "/" + id, RequestOptions.none())));
        }

        @Override
        public PenaltyCase registerLead(NewLead lead, RequestOptions options) {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(options, "options");
            return CasesWire.toCase(execute(HubCall.post("cases.penalties.registerLead", "Lead registration",
                    CasesWire.PENALTIES_PATH, Json.write(CasesWire.LeadBody.of(lead)), options)));
        }

        @Override
        public PenaltyCase file(UUID id, LocalDate filedOn, String licenceId, long expectedVersion) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(filedOn, "filedOn");
            return CasesWire.toCase(execute(HubCall.post("cases.penalties.file", "Case filing",
                    CasesWire.PENALTIES_PATH + "/" + id + "/filing",
                    Json.write(new CasesWire.FilingBody(filedOn, licenceId)),
                    RequestOptions.none()).withHeader("If-Match", "\"" + expectedVersion + "\"")));
        }

        private HubResponse execute(HubCall call) {
            return transport.execute(call.withHeader(OFFICER_HEADER, officerId));
        }
    }
}
