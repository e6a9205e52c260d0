package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.supervision.Alert;
import cn.gov.shanwei.enforcement.sdk.supervision.CaseSupervision;
import cn.gov.shanwei.enforcement.sdk.supervision.CoerciveMeasure;
import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorRow;
import cn.gov.shanwei.enforcement.sdk.supervision.OfficerStanding;
import cn.gov.shanwei.enforcement.sdk.supervision.SubjectWorkforce;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisedCase;
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
     * @param id           the operation id listeners see, for example {@code licences.verify}
     * @param method       HTTP method
     * @param path         path under the endpoint
     * @param requestBody  the record serialised as the request body, or {@code null} for none
     * @param responseBody the record the 2xx answer is read into (each item's, for a list)
     * @param query        names of the query parameters the SDK may send
     * @param listResponse whether the answer is a JSON array of {@code responseBody}
     */
    public record Operation(String id, String method, String path, Class<? extends Record> requestBody,
                            Class<? extends Record> responseBody, List<String> query, boolean listResponse) {

        /** An operation answering one object. */
        public Operation(String id, String method, String path, Class<? extends Record> requestBody,
                         Class<? extends Record> responseBody, List<String> query) {
            this(id, method, path, requestBody, responseBody, query, false);
        }
    }

    /** The operations, in the order the SDK's sub-clients declare them. */
    public static List<Operation> operations() {
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
                new Operation("cases.penalties.list", "GET", CasesWire.PENALTIES_PATH, null,
                        CasesWire.PageBody.class, List.copyOf(CasesWire.parameters(PenaltyCaseQuery.firstPage())
                        .keySet())),
                new Operation("cases.penalties.get", "GET", CasesWire.PENALTIES_PATH + "/{id}", null,
                        PenaltyCase.class, List.of()),
                new Operation("cases.penalties.registerLead", "POST", CasesWire.PENALTIES_PATH,
                        CasesWire.LeadBody.class, PenaltyCase.class, List.of()),
                new Operation("cases.penalties.file", "POST", CasesWire.PENALTIES_PATH + "/{id}/filing",
                        CasesWire.FilingBody.class, PenaltyCase.class, List.of()),
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
                        CoerciveMeasure.class, List.of("asOf"), true));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
