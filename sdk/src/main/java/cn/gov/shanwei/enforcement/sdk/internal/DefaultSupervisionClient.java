package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.supervision.Alert;
import cn.gov.shanwei.enforcement.sdk.supervision.CaseSupervision;
import cn.gov.shanwei.enforcement.sdk.supervision.CoerciveMeasure;
import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorQuery;
import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorRow;
import cn.gov.shanwei.enforcement.sdk.supervision.OfficerStanding;
import cn.gov.shanwei.enforcement.sdk.supervision.SubjectWorkforce;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisedCase;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisionClient;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisorClient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@link SupervisionClient} over the hub's supervision API, as a signed client acting for a supervisor. */
public final class DefaultSupervisionClient implements SupervisionClient {

    private static final Pattern OFFICER_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultSupervisionClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public SupervisorClient actingFor(String officerId) {
        Objects.requireNonNull(officerId, "officerId");
        if (!OFFICER_ID.matcher(officerId).matches()) {
            throw new IllegalArgumentException("officerId must be 1-64 visible ASCII characters, was '" + officerId
                    + "'");
        }
        return new Supervisor(officerId);
    }

    private final class Supervisor implements SupervisorClient {

        private final String officerId;

        Supervisor(String officerId) {
            this.officerId = officerId;
        }

        @Override
        public List<SupervisedCase> openCases(LocalDate asOf) {
            return list("supervision.openCases", "Open case list", SupervisionWire.asOf(SupervisionWire.CASES_PATH,
                    asOf), SupervisedCase[].class);
        }

        @Override
        public CaseSupervision supervisedCase(String caseNumber, LocalDate asOf) {
            if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 64) {
                Checks.throwIfAny(List.of(new FieldError("caseNumber", "must be 1-64 characters")));
            }
            return Json.read(read("supervision.case", "Case supervision read", SupervisionWire.asOf(
                    SupervisionWire.CASES_PATH + "/" + QueryString.segment(caseNumber), asOf)), CaseSupervision.class);
        }

        @Override
        public List<Alert> alerts(LocalDate asOf) {
            return list("supervision.alerts", "Alert list", SupervisionWire.asOf(SupervisionWire.ALERTS_PATH, asOf),
                    Alert[].class);
        }

        @Override
        public List<IndicatorRow> indicators(IndicatorQuery query) {
            Objects.requireNonNull(query, "query");
            return list("supervision.indicators", "Indicator read", SupervisionWire.indicatorsPath(query),
                    IndicatorRow[].class);
        }

        @Override
        public List<OfficerStanding> officers(LocalDate asOf) {
            return list("supervision.officers", "Officer list", SupervisionWire.asOf(SupervisionWire.OFFICERS_PATH,
                    asOf), OfficerStanding[].class);
        }

        @Override
        public List<SubjectWorkforce> subjects(LocalDate asOf) {
            return list("supervision.subjects", "Workforce per subject", SupervisionWire.asOf(
                    SupervisionWire.SUBJECTS_PATH, asOf), SubjectWorkforce[].class);
        }

        @Override
        public List<CoerciveMeasure> measures(LocalDate asOf) {
            return list("supervision.measures", "Coercive measure list", SupervisionWire.asOf(
                    SupervisionWire.MEASURES_PATH, asOf), CoerciveMeasure[].class);
        }

        private <T> List<T> list(String operationId, String operation, String path, Class<T[]> type) {
            HubResponse response = read(operationId, operation, path);
            T[] items = Json.read(response, type);
            if (Arrays.stream(items).anyMatch(Objects::isNull)) {
                throw Json.unexpected(response, "a list with null items", null);
            }
            return List.of(items);
        }

        private HubResponse read(String operationId, String operation, String path) {
            return transport.execute(HubCall.get(operationId, operation, path, RequestOptions.none())
                    .withHeader(DefaultCasesClient.OFFICER_HEADER, officerId));
        }
    }
}
