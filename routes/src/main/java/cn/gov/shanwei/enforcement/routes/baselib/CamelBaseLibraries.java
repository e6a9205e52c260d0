package cn.gov.shanwei.enforcement.routes.baselib;

import cn.gov.shanwei.enforcement.adapters.identity.ResidentIdNumber;
import cn.gov.shanwei.enforcement.adapters.identity.SocialCreditCode;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.baselib.LawArticleText;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationRecord;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.routes.baselib.BaseLibraryGateway.ArticleQuery;
import cn.gov.shanwei.enforcement.routes.baselib.BaseLibraryGateway.PersonQuery;
import cn.gov.shanwei.enforcement.routes.support.CachedProviderRead;
import cn.gov.shanwei.enforcement.routes.support.ProviderCall;
import cn.gov.shanwei.enforcement.routes.support.ProviderCallInvoker;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain's {@link BaseLibraries} port over the base-library routes. The person check goes straight through its
 * route (never cached: no personal data is kept, ADR 0403); the organisation and law lookups are cached reads.
 * Identifiers are checked here (GB 11643, GB 32100), so nothing invalid reaches a route.
 */
public final class CamelBaseLibraries implements BaseLibraries {

    private static final Pattern LAW_CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    private final ProviderCallInvoker personCheck;
    private final CachedProviderRead<String, Optional<OrganisationRecord>> organisations;
    private final CachedProviderRead<ArticleQuery, Optional<LawArticleText>> articles;

    public CamelBaseLibraries(ProviderCallInvoker personCheck,
                              CachedProviderRead<String, Optional<OrganisationRecord>> organisations,
                              CachedProviderRead<ArticleQuery, Optional<LawArticleText>> articles) {
        this.personCheck = Objects.requireNonNull(personCheck, "personCheck");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.articles = Objects.requireNonNull(articles, "articles");
    }

    @Override
    public PersonMatch checkPerson(String idNumber, String name, CallContext context) {
        if (idNumber == null || !ResidentIdNumber.isValid(idNumber)) {
            throw new DomainValidationException("idNumber",
                    "is not an 18-character resident identity number with a valid check character (GB 11643)");
        }
        if (name == null || name.isBlank() || name.strip().length() > 50) {
            throw new DomainValidationException("name", "must be 1-50 characters");
        }
        return personCheck.invoke(new ProviderCall<>(new PersonQuery(idNumber, name.strip()), context), context,
                PersonMatch.class);
    }

    @Override
    public ProviderAnswer<Optional<OrganisationRecord>> organisation(String uscc, CallContext context) {
        if (uscc == null || !SocialCreditCode.isValid(uscc)) {
            throw new DomainValidationException("uscc",
                    "is not an 18-character unified social credit code with a valid check character (GB 32100)");
        }
        return organisations.read(uscc, new ProviderCall<>(uscc, context), context);
    }

    @Override
    public ProviderAnswer<Optional<LawArticleText>> lawArticle(String lawCode, int article, CallContext context) {
        if (lawCode == null || !LAW_CODE.matcher(lawCode).matches()) {
            throw new DomainValidationException("lawCode", "must be 1-64 letters, digits or . _ : -");
        }
        if (article < 1 || article > 10_000) {
            throw new DomainValidationException("article", "must be between 1 and 10000");
        }
        ArticleQuery query = new ArticleQuery(lawCode, article);
        return articles.read(query, new ProviderCall<>(query, context), context);
    }
}
