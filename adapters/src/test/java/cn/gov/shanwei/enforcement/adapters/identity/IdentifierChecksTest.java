package cn.gov.shanwei.enforcement.adapters.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 身份证号 (GB 11643) and 统一社会信用代码 (GB 32100) checks, against published examples. */
class IdentifierChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", " 441502198503151230 ", "441523199202293450"})
    void residentId_validNumbers_parse(String text) {
        ResidentIdNumber id = ResidentIdNumber.parse(text);
        assertThat(id.value()).isEqualTo(text.strip().toUpperCase());
        assertThat(ResidentIdNumber.isValid(text)).isTrue();
    }

    @Test
    void residentId_exposesBirthDateRegionAndMasks() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.toString()).isEqualTo("110*************2X").doesNotContain("19491231");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "110105194912310021 | check character does not match",
            "11010519491231002  | must have 18 characters",
            "1101051949123100X2 | digits in positions 1-17",
            "011010194912310021 | no valid region code",
            "441523199302293452 | no valid birth date",
            "441502189001011232 | before 1900",
            "' '                | is required"})
    void residentId_badNumbers_areRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(text)).isInstanceOf(IdentifierFormatException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((IdentifierFormatException) e).field()).isEqualTo("idNumber"));
        assertThat(ResidentIdNumber.isValid(text)).isFalse();
    }

    @Test
    void residentId_everyWrongCheckCharacterIsCaught() {
        String body = "44150219850315123";
        int accepted = 0;
        for (char c : "0123456789X".toCharArray()) {
            accepted += ResidentIdNumber.isValid(body + c) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(1);
        assertThat(ResidentIdNumber.checkCharacter(body)).isEqualTo('0');
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91441502MA4UJ0XX3T", "91441523ma4wb8qt2u", "114415000071784217"})
    void uscc_validCodes_parse(String text) {
        assertThat(SocialCreditCode.parse(text).value()).isEqualTo(text.toUpperCase());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "91350100M000100Y44 | check character does not match",
            "91441502MA4UJ0XX3F | check character does not match",
            "91350100M000100Y4  | must have 18 characters",
            "91350100M000100I43 | outside GB 32100's set at position 16",
            "9135A100M000100Y43 | six-digit region code",
            "''                 | is required"})
    void uscc_badCodes_areRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> SocialCreditCode.parse(text)).isInstanceOf(IdentifierFormatException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((IdentifierFormatException) e).field()).isEqualTo("uscc"));
        assertThat(SocialCreditCode.isValid(text)).isFalse();
    }

    @Test
    void uscc_checkCharacterWrapsToZero() {
        // A body whose weighted sum is a multiple of 31 must get '0', not an index out of range.
        String body = "00000000000000000";
        assertThat(SocialCreditCode.checkCharacter(body)).isEqualTo('0');
        assertThat(SocialCreditCode.isValid(body + "0")).isTrue();
        assertThat(SocialCreditCode.parse("91350100M000100Y43").regionCode()).isEqualTo("350100");
    }
}
