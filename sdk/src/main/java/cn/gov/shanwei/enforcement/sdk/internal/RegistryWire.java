package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.registries.LawArticle;
import cn.gov.shanwei.enforcement.sdk.registries.Organisation;
import cn.gov.shanwei.enforcement.sdk.registries.OrganisationStatus;
import cn.gov.shanwei.enforcement.sdk.registries.PersonCheckRequest;
import cn.gov.shanwei.enforcement.sdk.registries.PersonCheckResult;
import cn.gov.shanwei.enforcement.sdk.registries.PersonMatch;
import cn.gov.shanwei.enforcement.sdk.registries.RegistryAnswer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** JSON shapes of the base-library operations, kept apart from the public types; answers are mapped strictly. */
final class RegistryWire {

    static final String PERSON_CHECKS_PATH = "/api/v1/registries/person-checks";
    static final String ORGANISATIONS_PATH = "/api/v1/registries/organisations";
    static final String LAWS_PATH = "/api/v1/registries/laws";

    private RegistryWire() {
    }

    record PersonCheckBody(String idNumber, String name, LicenceWire.Purpose purpose) {
        static PersonCheckBody of(PersonCheckRequest request) {
            Purpose p = request.purpose();
            return new PersonCheckBody(request.idNumber(), request.name(),
                    new LicenceWire.Purpose(p.matterCode(), p.caseNumber(), p.officerId()));
        }

        @Override
        public String toString() {
            return "PersonCheckBody[****]";
        }
    }

    record PersonCheckAnswer(String result, Boolean match, Instant checkedAt) {
    }

    record OrganisationBody(Boolean found, String uscc, String name, String status, String legalRepresentative,
                            Instant answeredAt, Boolean stale) {
    }

    record LawArticleBody(Boolean found, String lawCode, Integer article, String lawName, String text,
                          LocalDate effectiveFrom, Instant answeredAt, Boolean stale) {
    }

    static String organisationPath(String uscc, Purpose purpose) {
        return new QueryString(ORGANISATIONS_PATH + "/" + QueryString.segment(uscc)).purpose(purpose).toString();
    }

    static String lawArticlePath(String lawCode, int article) {
        return LAWS_PATH + "/" + QueryString.segment(lawCode) + "/articles/" + article;
    }

    static PersonCheckResult toPersonCheck(HubResponse response) {
        PersonCheckAnswer body = Json.read(response, PersonCheckAnswer.class);
        if (body.result() == null || body.checkedAt() == null) {
            throw Json.unexpected(response, "a person check without result or checkedAt", null);
        }
        PersonMatch result = enumValue(response, PersonMatch.class, body.result());
        if (body.match() != null && body.match() != (result == PersonMatch.MATCH)) {
            throw Json.unexpected(response, "match=" + body.match() + " contradicting result " + result, null);
        }
        return new PersonCheckResult(result, body.checkedAt());
    }

    static RegistryAnswer<Organisation> toOrganisation(HubResponse response) {
        OrganisationBody body = Json.read(response, OrganisationBody.class);
        GeoWire.requireAge(response, body.answeredAt(), body.stale());
        Optional<Organisation> organisation = GeoWire.found(response, body.found(), body.name())
                ? Optional.of(new Organisation(body.uscc(), body.name(),
                        enumValue(response, OrganisationStatus.class, body.status()), body.legalRepresentative()))
                : Optional.empty();
        return new RegistryAnswer<>(organisation, body.answeredAt(), body.stale());
    }

    static RegistryAnswer<LawArticle> toLawArticle(HubResponse response) {
        LawArticleBody body = Json.read(response, LawArticleBody.class);
        GeoWire.requireAge(response, body.answeredAt(), body.stale());
        Optional<LawArticle> article = GeoWire.found(response, body.found(), body.text())
                ? Optional.of(new LawArticle(body.lawCode(), body.article(), body.lawName(), body.text(),
                        body.effectiveFrom()))
                : Optional.empty();
        return new RegistryAnswer<>(article, body.answeredAt(), body.stale());
    }

    private static <E extends Enum<E>> E enumValue(HubResponse response, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw Json.unexpected(response, "the unknown " + type.getSimpleName() + " '" + value + "'", e);
        }
    }
}
