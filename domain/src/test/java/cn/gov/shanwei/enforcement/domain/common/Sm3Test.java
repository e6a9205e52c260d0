package cn.gov.shanwei.enforcement.domain.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm3Test {

    @Test
    @DisplayName("SM3 of \"abc\" is the GB/T 32905 example value")
    void standardVector() {
        assertThat(Sm3.ofUtf8("abc").hex())
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    @DisplayName("A digest must be 64 lower-case hex characters")
    void shape() {
        assertThatThrownBy(() -> new Sm3("ABC")).isInstanceOf(DomainValidationException.class);
    }

    @Test
    @DisplayName("Money reads as yuan with fen when there are any")
    void money() {
        assertThat(Money.yuan(5_000_000)).isEqualTo("50,000 yuan");
        assertThat(Money.yuan(1_050)).isEqualTo("10.50 yuan");
        assertThat(Money.fen(200)).isEqualTo(20_000);
    }
}
