package cn.gov.shanwei.enforcement.domain.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextCutTest {

    /** 𠮷 (U+20BB7): one character, two UTF-16 units. */
    private static final String JI = new String(Character.toChars(0x20BB7));

    @Test
    void shortValuesAndNullStayAsTheyAre() {
        assertThat(TextCut.atMost(null, 3)).isNull();
        assertThat(TextCut.atMost("abc", 3)).isEqualTo("abc");
        assertThat(TextCut.withEllipsis(null, 3)).isNull();
        assertThat(TextCut.withEllipsis("abc", 3)).isEqualTo("abc");
    }

    @Test
    void longValuesAreCutToMax() {
        assertThat(TextCut.atMost("abcdef", 4)).isEqualTo("abcd");
        assertThat(TextCut.withEllipsis("abcdef", 4)).isEqualTo("abc…").hasSize(4);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String name = "陈" + JI + "海";   // units: 陈, high, low, 海
        assertThat(TextCut.atMost(name, 2)).isEqualTo("陈");
        assertThat(TextCut.atMost(name, 3)).isEqualTo("陈" + JI);
        assertThat(TextCut.withEllipsis(name, 3)).isEqualTo("陈…");
        assertThat(TextCut.withEllipsis(name, 4)).isEqualTo(name);
        assertThat(TextCut.withEllipsis(name + "x", 4)).isEqualTo("陈" + JI + "…");
        assertThat(TextCut.atMost(JI + JI, 3)).isEqualTo(JI);
        assertThat(TextCut.atMost(JI, 1)).isEmpty();
    }

    @Test
    void aLoneSurrogateInTheInputIsCutLikeAnyUnit() {
        String lone = "ab" + JI.charAt(0) + "cd";
        assertThat(TextCut.atMost(lone, 3)).isEqualTo("ab" + JI.charAt(0));
    }

    @Test
    void aMaxTooSmallIsRefused() {
        assertThatThrownBy(() -> TextCut.atMost("abc", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextCut.withEllipsis("abc", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
