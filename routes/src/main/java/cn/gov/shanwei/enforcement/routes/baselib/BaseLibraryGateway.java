package cn.gov.shanwei.enforcement.routes.baselib;

import cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient;
import cn.gov.shanwei.enforcement.adapters.exchange.LawArticle;
import cn.gov.shanwei.enforcement.adapters.exchange.Organisation;
import cn.gov.shanwei.enforcement.domain.baselib.LawArticleText;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationRecord;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationStatus;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.support.AttemptTrace;
import cn.gov.shanwei.enforcement.routes.support.LoggingGateway;
import cn.gov.shanwei.enforcement.routes.support.ProviderCall;

import org.apache.camel.ExchangeProperty;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bean the base-library routes call for one attempt: speaks to {@link BaseLibraryClient} and maps its words to
 * the domain's. Its own cache is kept minimal; the hub caches in front of the routes (ADR 0305).
 */
public final class BaseLibraryGateway extends LoggingGateway {

    private final BaseLibraryClient client;

    public BaseLibraryGateway(BaseLibraryClient client, Clock clock, MessageLog messageLog) {
        super(Provider.EXCHANGE, clock, messageLog);
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The input of a 人口库 check. {@code toString} masks the id number. */
    public record PersonQuery(String idNumber, String name) {
        @Override
        public String toString() {
            return "PersonQuery[" + cn.gov.shanwei.enforcement.domain.common.PersonalDataMask.mask(idNumber) + "]";
        }
    }

    /** The input of a 法规库 lookup. */
    public record ArticleQuery(String lawCode, int article) {
    }

    public PersonMatch checkPerson(ProviderCall<PersonQuery> call,
                                   @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        PersonQuery q = call.query();
        return attempt(BaseLibraryClient.CHECK_PERSON, call.context(), trace, q,
                () -> PersonMatch.valueOf(client.checkPerson(q.idNumber(), q.name()).name()),
                answer -> Map.of("result", answer.name()));
    }

    public Optional<OrganisationRecord> organisation(ProviderCall<String> call,
                                                     @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        return attempt(BaseLibraryClient.ORGANISATION, call.context(), trace, Map.of("uscc", call.query()),
                () -> client.organisation(call.query()).value().map(BaseLibraryGateway::organisation),
                answer -> answer.map(Object.class::cast).orElse(Map.of()));
    }

    public Optional<LawArticleText> lawArticle(ProviderCall<ArticleQuery> call,
                                               @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        ArticleQuery q = call.query();
        return attempt(BaseLibraryClient.LAW, call.context(), trace, q,
                () -> client.lawArticle(q.lawCode(), q.article()).value().map(BaseLibraryGateway::article),
                answer -> answer.map(Object.class::cast).orElse(Map.of()));
    }

    private static OrganisationRecord organisation(Organisation o) {
        return new OrganisationRecord(o.uscc(), o.name(), OrganisationStatus.valueOf(o.status().name()),
                o.legalRepresentative());
    }

    private static LawArticleText article(LawArticle a) {
        return new LawArticleText(a.lawCode(), a.lawName(), a.article(), a.text(), a.effectiveFrom());
    }
}
