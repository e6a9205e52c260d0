package cn.gov.shanwei.enforcement.domain.baselib;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;

import java.util.Optional;

/**
 * Port to the province's base libraries (基础库) on the data-sharing exchange: read-only. Identifiers are checked
 * (GB 11643 / GB 32100) before anything is sent; a bad one is a {@code DomainValidationException}.
 *
 * <p>Every method throws {@link ProviderUnavailableException} when the exchange cannot answer (and, for the cached
 * reads, nothing is kept), and {@link ProviderFailedException} when it answered unusably.
 */
public interface BaseLibraries {

    /**
     * 人口库: whether {@code idNumber} is {@code name}'s. Never cached and never served stale: no personal data is
     * kept, and an old "match" must not stand for a new one.
     */
    PersonMatch checkPerson(String idNumber, String name, CallContext context);

    /** 法人库: an organisation by its 统一社会信用代码; empty when unknown. Cached; stale while the exchange is down. */
    ProviderAnswer<Optional<OrganisationRecord>> organisation(String uscc, CallContext context);

    /** 法规库: one article of a law; empty when the library has none. Cached; stale while the exchange is down. */
    ProviderAnswer<Optional<LawArticleText>> lawArticle(String lawCode, int article, CallContext context);
}
