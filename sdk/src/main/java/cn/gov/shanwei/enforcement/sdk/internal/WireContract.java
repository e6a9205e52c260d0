package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
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
     * @param responseBody the record the 2xx answer is read into
     * @param query        names of the query parameters the SDK may send
     */
    public record Operation(String id, String method, String path, Class<? extends Record> requestBody,
                            Class<? extends Record> responseBody, List<String> query) {
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
