package cn.gov.shanwei.enforcement.sdk.registries;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;

/**
 * The province's base libraries (基础库) through the hub: 人口库, 法人库, 法规库. Obtain it from
 * {@code EnforcementHubClient.registries()}; thread-safe; an interface so that your tests can mock it. Needs the
 * services {@code registry.person-check}, {@code registry.organisation} (both with a purpose the client is
 * registered for) and {@code registry.law-article}.
 */
public interface RegistriesClient {

    /** 人口库: {@code POST /api/v1/registries/person-checks}. The id number travels in the body only. */
    default PersonCheckResult checkPerson(PersonCheckRequest request) {
        return checkPerson(request, RequestOptions.none());
    }

    /** @see #checkPerson(PersonCheckRequest) */
    PersonCheckResult checkPerson(PersonCheckRequest request, RequestOptions options);

    /**
     * 法人库: an organisation by its 统一社会信用代码, {@code GET /api/v1/registries/organisations/{uscc}}.
     *
     * @param purpose the legal purpose (a matter code is required)
     */
    default RegistryAnswer<Organisation> organisation(String uscc, Purpose purpose) {
        return organisation(uscc, purpose, RequestOptions.none());
    }

    /** @see #organisation(String, Purpose) */
    RegistryAnswer<Organisation> organisation(String uscc, Purpose purpose, RequestOptions options);

    /** 法规库: one article of a law, {@code GET /api/v1/registries/laws/{lawCode}/articles/{article}}. */
    default RegistryAnswer<LawArticle> lawArticle(String lawCode, int article) {
        return lawArticle(lawCode, article, RequestOptions.none());
    }

    /** @see #lawArticle(String, int) */
    RegistryAnswer<LawArticle> lawArticle(String lawCode, int article, RequestOptions options);
}
