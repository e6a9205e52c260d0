package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.util.Objects;

/**
 * The acting authority (处罚机关 / 实施机关) of a reported record: the subject's registered name and its 统一社会信用代码
 * from configuration ({@code hub.exchange.authority-codes.<subject id>}: subjects carry none).
 */
final class Authorities {

    private final AdministrationService registry;
    private final ExchangeProperties properties;

    Authorities(AdministrationService registry, ExchangeProperties properties) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    String name(String subjectId) {
        return registry.subject(new SubjectId(subjectId)).value().name();
    }

    /**
     * @param record what cannot be reported without it, e.g. "处罚 record"
     * @throws DomainValidationException (field {@code exchange.authorityCode}) when none is configured
     */
    String code(String subjectId, String record) {
        return properties.authorityCode(subjectId).orElseThrow(() -> new DomainValidationException(
                "exchange.authorityCode", "no 统一社会信用代码 is configured for subject " + subjectId
                + " (hub.exchange.authority-codes." + subjectId + "): its " + record + " cannot be reported"));
    }
}
