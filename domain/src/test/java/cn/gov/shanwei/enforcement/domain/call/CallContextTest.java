package cn.gov.shanwei.enforcement.domain.call;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallContextTest {

    @Test
    void of_whenCaseNumberInDocumentStyle_acceptsIt() {
        CallContext context = CallContext.of("market-system", "44150001", "汕市监罚〔2026〕2号", "330217001000", null);

        assertThat(context.caseNo()).contains("汕市监罚〔2026〕2号");
        assertThat(context.idempotencyKey()).isNotBlank();
        assertThat(context.traceId()).isNotBlank();
    }

    @Test
    void of_whenCaseNumberHasControlCharacters_namesTheField() {
        assertThatThrownBy(() -> CallContext.of("market-system", null, "SW\n2026", "330217001000", null))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("caseNumber"));
    }

    @Test
    void of_whenMatterCodeMissing_namesTheField() {
        assertThatThrownBy(() -> CallContext.of("market-system", null, null, " ", null))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("matterCode"));
    }

    @Test
    void of_whenCallingSystemHasSpaces_namesTheField() {
        assertThatThrownBy(() -> CallContext.of("market system", null, null, "330217001000", null))
                .isInstanceOfSatisfying(DomainValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("callingSystem"));
    }
}
