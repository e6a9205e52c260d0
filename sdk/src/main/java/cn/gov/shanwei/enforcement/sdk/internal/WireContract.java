package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.cases.OnTheSpotPenalty;
import cn.gov.shanwei.enforcement.sdk.cases.FinePaymentNotice;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.Inspection;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionQuery;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.NewInspection;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoerciveMeasure;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureQuery;
import cn.gov.shanwei.enforcement.sdk.cases.measures.NewMeasure;
import cn.gov.shanwei.enforcement.sdk.supervision.Alert;
import cn.gov.shanwei.enforcement.sdk.supervision.CaseSupervision;
import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorRow;
import cn.gov.shanwei.enforcement.sdk.supervision.OfficerStanding;
import cn.gov.shanwei.enforcement.sdk.supervision.SubjectWorkforce;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisedCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Every operation the SDK calls, with the JSON shapes it sends and reads. Not API: it exists so that the hub's
 * build can check these shapes against the hub's OpenAPI document, and SDK and hub cannot drift apart.
 */
public final class WireContract {

    private WireContract() {
    }

    /**
     * One operation.
     *
     * @param id            the operation id listeners see, for example {@code licences.verify}
     * @param method        HTTP method
     * @param path          path under the endpoint
     * @param requestBody   the record serialised as the JSON request body, or {@code null} for none
     * @param responseBody  the record the 2xx JSON answer is read into, or {@code null} for a download
     * @param query         names of the query parameters the SDK may send
     * @param headers       names of the request headers the SDK sends that the operation declares (If-Match)
     * @param formFields    the fields of a {@code multipart/form-data} request (besides its {@code file} part), or
     *                      empty when the request is not a form
     * @param responseMedia the media type of a download's 2xx answer, or {@code null} for a JSON answer
     * @param listResponse  whether the answer is a JSON array of {@code responseBody}
     */
    public record Operation(String id, String method, String path, Class<? extends Record> requestBody,
                            Class<? extends Record> responseBody, List<String> query, List<String> headers,
                            List<String> formFields, String responseMedia, boolean listResponse) {

        /** Copies the lists. */
        public Operation {
            query = List.copyOf(query);
            headers = List.copyOf(headers);
            formFields = List.copyOf(formFields);
        }

        /** An operation answering one object or a download. */
        public Operation(String id, String method, String path, Class<? extends Record> requestBody,
                         Class<? extends Record> responseBody, List<String> query, List<String> headers,
                         List<String> formFields, String responseMedia) {
            this(id, method, path, requestBody, responseBody, query, headers, formFields, responseMedia, false);
        }

        /** A JSON operation without declared headers, answering one object or (listResponse) an array of them. */
        public Operation(String id, String method, String path, Class<? extends Record> requestBody,
                         Class<? extends Record> responseBody, List<String> query, boolean listResponse) {
            this(id, method, path, requestBody, responseBody, query, List.of(), List.of(), null, listResponse);
        }

        /** A JSON operation without declared headers. */
        public Operation(String id, String method, String path, Class<? extends Record> requestBody,
                         Class<? extends Record> responseBody, List<String> query) {
            this(id, method, path, requestBody, responseBody, query, false);
        }
    }

    /** The operations, in the order the SDK's sub-clients declare them. */
    public static List<Operation> operations() {
        List<Operation> all = new ArrayList<>(providerOperations());
        all.addAll(caseOperations());
        return List.copyOf(all);
    }

    /** The case platform's operations: penalty cases, coercive measures, inspections. */
    static List<Operation> caseOperations() {
        String penalty = CasesWire.PENALTIES_PATH + "/{id}";
        String measure = CasesWire.MEASURES_PATH + "/{id}";
        String inspection = CasesWire.INSPECTIONS_PATH + "/{id}";
        List<Operation> cases = new ArrayList<>(List.of(
                new Operation("cases.penalties.list", "GET", CasesWire.PENALTIES_PATH, null,
                        CasesWire.PageBody.class, List.copyOf(CasesWire.parameters(PenaltyCaseQuery.firstPage())
                        .keySet())),
                new Operation("cases.penalties.get", "GET", penalty, null, PenaltyCase.class, List.of()),
                new Operation("cases.penalties.registerLead", "POST", CasesWire.PENALTIES_PATH,
                        CasesWire.LeadBody.class, PenaltyCase.class, List.of()),
                new Operation("cases.penalties.imposeOnTheSpot", "POST", CasesWire.ON_THE_SPOT_PATH,
                        OnTheSpotPenalty.class, PenaltyCase.class, List.of()),
                new Operation("cases.penalties.uploadEvidence", "POST", penalty + "/" + CasesWire.EVIDENCE_SEGMENT,
                        null, PenaltyCase.class, List.of(), IF_MATCH, CasesWire.Form.FIELDS, null),
                download("cases.penalties.downloadEvidence", penalty + "/evidence/{evidenceId}/file",
                        "application/octet-stream"),
                download("cases.penalties.downloadCaseFile", penalty + "/casefile", "application/zip"),
                new Operation("cases.penalties.getDecisionDocument", "GET", penalty + "/decision-document/status",
                        null, CasesWire.DecisionDocumentBody.class, List.of()),
                new Operation("cases.penalties.awaitDecisionDocument", "GET", penalty + "/decision-document/status",
                        null, CasesWire.DecisionDocumentBody.class, WAIT_QUERY),
                download("cases.penalties.downloadDecisionDocument", penalty + "/decision-document", "application/ofd"),
                new Operation("cases.penalties.getPaymentNotice", "GET", penalty + "/payment-notice", null,
                        FinePaymentNotice.class, List.of()),
                new Operation("cases.penalties.awaitPaymentNotice", "GET", penalty + "/payment-notice", null,
                        FinePaymentNotice.class, WAIT_QUERY)));
        CasesWire.PENALTY_STEPS.forEach((type, route) -> cases.add(step(route, penalty, type, PenaltyCase.class)));
        cases.add(new Operation("cases.measures.list", "GET", CasesWire.MEASURES_PATH, null,
                CasesWire.ProcedurePageBody.class, List.copyOf(CasesWire.parameters(MeasureQuery.firstPage())
                .keySet())));
        cases.add(new Operation("cases.measures.get", "GET", measure, null, CoerciveMeasure.class, List.of()));
        cases.add(new Operation("cases.measures.impose", "POST", CasesWire.MEASURES_PATH, NewMeasure.class,
                CoerciveMeasure.class, List.of()));
        CasesWire.MEASURE_STEPS.forEach((type, route) -> cases.add(step(route, measure, type,
                CoerciveMeasure.class)));
        cases.add(new Operation("cases.inspections.list", "GET", CasesWire.INSPECTIONS_PATH, null,
                CasesWire.ProcedurePageBody.class, List.copyOf(CasesWire.parameters(InspectionQuery.firstPage())
                .keySet())));
        cases.add(new Operation("cases.inspections.get", "GET", inspection, null, Inspection.class, List.of()));
        cases.add(new Operation("cases.inspections.plan", "POST", CasesWire.INSPECTIONS_PATH, NewInspection.class,
                Inspection.class, List.of()));
        CasesWire.INSPECTION_STEPS.forEach((type, route) -> cases.add(step(route, inspection, type,
                Inspection.class)));
        cases.add(new Operation("cases.inspections.registerPenaltyCase", "POST", inspection + "/penalty-case", null,
                PenaltyCase.class, List.of(), IF_MATCH, List.of(), null));
        return List.copyOf(cases);
    }

    private static final List<String> IF_MATCH = List.of("If-Match");
    /** The query of a status read that waits for a change (ADR 0523). */
    private static final List<String> WAIT_QUERY = List.of("waitWhile", "waitSeconds");

    private static Operation step(CasesWire.StepRoute route, String itemPath, Class<?> body,
                                  Class<? extends Record> answer) {
        return new Operation(route.operationId(), "POST", itemPath + "/" + route.segment(),
                body.asSubclass(Record.class), answer, List.of(), IF_MATCH, List.of(), null);
    }

    private static Operation download(String id, String path, String media) {
        return new Operation(id, "GET", path, null, null, List.of(), List.of(), List.of(), media);
    }

    /** The operations of the province's services and of the client registry. */
    static List<Operation> providerOperations() {
        return List.of(
                new Operation("licences.verify", "POST", DefaultLicencesClient.VERIFICATIONS_PATH,
                        LicenceWire.VerifyBody.class, LicenceWire.VerificationBody.class, List.of()),
                new Operation("geo.geocode", "GET", GeoWire.GEOCODE_PATH, null, GeoWire.GeocodeBody.class,
                        concat(List.of("address", "regionCode"), GeoWire.PURPOSE_PARAMETERS)),
                new Operation("geo.reverseGeocode", "GET", GeoWire.REVERSE_GEOCODE_PATH, null,
                        GeoWire.PlaceBody.class, concat(List.of("lon", "lat"), GeoWire.PURPOSE_PARAMETERS)),
                new Operation("geo.divisionContaining", "GET", GeoWire.DIVISION_PATH, null,
                        GeoWire.DivisionBody.class, concat(List.of("lon", "lat"), GeoWire.PURPOSE_PARAMETERS)),
                new Operation("geo.features", "POST", GeoWire.FEATURES_PATH, GeoWire.FeatureQuery.class,
                        GeoWire.FeaturesBody.class, List.of()),
                new Operation("registries.checkPerson", "POST", RegistryWire.PERSON_CHECKS_PATH,
                        RegistryWire.PersonCheckBody.class, RegistryWire.PersonCheckAnswer.class, List.of()),
                new Operation("registries.organisation", "GET", RegistryWire.ORGANISATIONS_PATH + "/{uscc}", null,
                        RegistryWire.OrganisationBody.class, GeoWire.PURPOSE_PARAMETERS),
                new Operation("registries.lawArticle", "GET", RegistryWire.LAWS_PATH + "/{lawCode}/articles/{article}",
                        null, RegistryWire.LawArticleBody.class, List.of()),
                new Operation("exchange.push", "POST", ExchangeWire.RECORDS_PATH, ExchangeWire.PushBody.class,
                        ExchangeWire.AcceptedBody.class, List.of()),
                new Operation("exchange.status", "GET", ExchangeWire.RECORDS_PATH + "/{trackingId}", null,
                        ExchangeWire.StatusBody.class, List.of()),
                new Operation("registration.get", "GET", DefaultRegistrationClient.ME_PATH, null,
                        RegistrationWire.RegistrationBody.class, List.of()),
                new Operation("seals.sign", "POST", SealWire.SIGNATURES_PATH, SealWire.SignBody.class,
                        SealWire.SignatureBody.class, List.of()),
                new Operation("seals.signature", "GET", SealWire.SIGNATURES_PATH + "/{requestId}", null,
                        SealWire.SignatureBody.class, List.of()),
                new Operation("seals.verify", "POST", SealWire.VERIFICATIONS_PATH, SealWire.VerifyBody.class,
                        SealWire.VerificationBody.class, List.of()),
                new Operation("identity.startSignOn", "POST", IdentityWire.SIGN_ONS_PATH,
                        IdentityWire.StartSignOnBody.class, IdentityWire.SignOnStartedBody.class, List.of()),
                new Operation("identity.completeSignOn", "POST", IdentityWire.SIGN_ONS_PATH + "/{signOnId}/exchange",
                        IdentityWire.ExchangeBody.class, IdentityWire.SignedOnUserBody.class, List.of()),
                new Operation("identity.staffOfficer", "GET", IdentityWire.STAFF_PATH + "/{staffUserId}", null,
                        IdentityWire.StaffLookupBody.class, List.of()),
                new Operation("supervision.openCases", "GET", SupervisionWire.CASES_PATH, null, SupervisedCase.class,
                        List.of("asOf"), true),
                new Operation("supervision.case", "GET", SupervisionWire.CASES_PATH + "/{caseNumber}", null,
                        CaseSupervision.class, List.of("asOf")),
                new Operation("supervision.alerts", "GET", SupervisionWire.ALERTS_PATH, null, Alert.class,
                        List.of("asOf"), true),
                new Operation("supervision.indicators", "GET", SupervisionWire.INDICATORS_PATH, null,
                        IndicatorRow.class, SupervisionWire.INDICATOR_PARAMETERS, true),
                new Operation("supervision.officers", "GET", SupervisionWire.OFFICERS_PATH, null,
                        OfficerStanding.class, List.of("asOf"), true),
                new Operation("supervision.subjects", "GET", SupervisionWire.SUBJECTS_PATH, null,
                        SubjectWorkforce.class, List.of("asOf"), true),
                new Operation("supervision.measures", "GET", SupervisionWire.MEASURES_PATH, null,
                        cn.gov.shanwei.enforcement.sdk.supervision.CoerciveMeasure.class, List.of("asOf"), true),
                new Operation("payments.issue", "POST", PaymentWire.NOTICES_PATH, PaymentWire.IssueBody.class,
                        PaymentWire.NoticeBody.class, List.of()),
                new Operation("payments.get", "GET", PaymentWire.NOTICES_PATH + "/{noticeId}", null,
                        PaymentWire.NoticeBody.class, List.of()));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
