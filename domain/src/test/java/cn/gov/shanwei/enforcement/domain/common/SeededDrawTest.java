package cn.gov.shanwei.enforcement.domain.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The hub's one reproducible draw (SM3-FisherYates-v1)")
class SeededDrawTest {

    static final List<String> POOL = List.of("HF-1", "HF-2", "汕市监罚〔2026〕12号", "汕市监罚〔2026〕3号", "汕市监罚〔2026〕7号");

    @Test
    @DisplayName("Chinese case numbers, a Chinese seed: the order an independent SM3 script gives")
    void knownAnswer() {
        // scripts/check-draw.py --seed '2026 第二季度 公开摇号 0815' --stream 'cases|haifeng-market' --count 5
        assertThat(SeededDraw.pick("2026 第二季度 公开摇号 0815", "cases|haifeng-market", POOL, 5))
                .containsExactly("HF-1", "汕市监罚〔2026〕3号", "汕市监罚〔2026〕7号", "汕市监罚〔2026〕12号", "HF-2");
    }

    @Test
    @DisplayName("The stream makes draws of the same seed independent; drawing fewer gives a prefix")
    void streamsAndPrefixes() {
        String seed = "2026 第二季度 公开摇号 0815";
        List<String> all = SeededDraw.pick(seed, "cases|haifeng-market", POOL, 5);
        assertThat(SeededDraw.pick(seed, "cases|haifeng-market", POOL, 2)).isEqualTo(all.subList(0, 2));
        assertThat(SeededDraw.pick(seed, "cases|haifeng-market", POOL, 0)).isEmpty();
        assertThat(SeededDraw.pick(seed, "cases|lufeng-market", POOL, 5)).isNotEqualTo(all)
                .containsExactlyInAnyOrderElementsOf(POOL);
    }

    @Test
    @DisplayName("Drawing more than the pool, or a negative count, is refused")
    void badCounts() {
        assertThatThrownBy(() -> SeededDraw.pick("seed-0001", "s", POOL, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot draw 6 of 5");
        assertThatThrownBy(() -> SeededDraw.pick("seed-0001", "s", POOL, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void drawsDistinctMembersAndRepeatsExactly(@ForAll @StringLength(min = 1, max = 40) String seed,
                                               @ForAll @Size(min = 1, max = 40) @UniqueElements List<@StringLength(min = 1, max = 12) String> pool,
                                               @ForAll @IntRange(min = 0, max = 40) int wanted) {
        List<String> sorted = pool.stream().sorted().toList();
        int k = Math.min(wanted, sorted.size());
        List<String> drawn = SeededDraw.pick(seed, "cases|x", sorted, k);
        assertThat(drawn).hasSize(k).doesNotHaveDuplicates().isSubsetOf(sorted);
        assertThat(SeededDraw.pick(seed, "cases|x", sorted, k)).isEqualTo(drawn);
    }
}
