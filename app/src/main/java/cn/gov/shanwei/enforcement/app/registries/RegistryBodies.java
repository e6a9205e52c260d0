package cn.gov.shanwei.enforcement.app.registries;

import cn.gov.shanwei.enforcement.app.licence.VerifyLicenceBody;
import cn.gov.shanwei.enforcement.domain.baselib.LawArticleText;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationRecord;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Request and answer bodies of {@code /api/v1/registries} (the province's base libraries, 基础库). */
public final class RegistryBodies {

    private RegistryBodies() {
    }

    /**
     * Body of {@code POST /api/v1/registries/person-checks}: the id number travels in a body, never in a URL.
     *
     * @param idNumber 身份证号 (GB 11643, check character verified)
     * @param name     the name the party gave
     * @param purpose  the legal purpose: required, the id number is personal data
     */
    public record PersonCheckBody(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 50) String name,
                                  @NotNull @Valid VerifyLicenceBody.Purpose purpose) {

        @Override
        public String toString() {
            return "PersonCheckBody[" + purpose + "]";
        }
    }

    /**
     * Answer of a person check: MATCH, MISMATCH or NOT_FOUND and nothing more (data minimisation). Never served from a
     * cache.
     */
    public record PersonCheckResponse(String result, boolean match, Instant checkedAt) {

        static PersonCheckResponse of(PersonMatch result, Instant checkedAt) {
            return new PersonCheckResponse(result.name(), result == PersonMatch.MATCH, checkedAt);
        }
    }

    /** Answer of {@code GET /api/v1/registries/organisations/{uscc}}; {@code found: false} for an unknown code. */
    public record OrganisationResponse(boolean found, String uscc, String name, String status,
                                       String legalRepresentative, Instant answeredAt, boolean stale) {

        static OrganisationResponse of(String uscc, ProviderAnswer<Optional<OrganisationRecord>> answer) {
            Optional<OrganisationRecord> o = answer.value();
            return new OrganisationResponse(o.isPresent(), uscc, o.map(OrganisationRecord::name).orElse(null),
                    o.map(r -> r.status().name()).orElse(null),
                    o.map(OrganisationRecord::legalRepresentative).orElse(null), answer.answeredAt(), answer.stale());
        }
    }

    /** Answer of {@code GET /api/v1/registries/laws/{lawCode}/articles/{article}}. */
    public record LawArticleResponse(boolean found, String lawCode, int article, String lawName, String text,
                                     LocalDate effectiveFrom, Instant answeredAt, boolean stale) {

        static LawArticleResponse of(String lawCode, int article, ProviderAnswer<Optional<LawArticleText>> answer) {
            Optional<LawArticleText> a = answer.value();
            return new LawArticleResponse(a.isPresent(), lawCode, article, a.map(LawArticleText::lawName).orElse(null),
                    a.map(LawArticleText::text).orElse(null), a.map(LawArticleText::effectiveFrom).orElse(null),
                    answer.answeredAt(), answer.stale());
        }
    }
}
