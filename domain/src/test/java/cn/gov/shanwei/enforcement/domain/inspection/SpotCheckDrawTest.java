package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static cn.gov.shanwei.enforcement.domain.inspection.InspectionFixture.POOL;
import static cn.gov.shanwei.enforcement.domain.inspection.InspectionFixture.SEED;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("双随机: a draw anyone can repeat from its seed")
class SpotCheckDrawTest {

    @Test
    @DisplayName("Seed '…7391' draws shops 103, 106 and 100 with their inspectors — the same as an independent SM3 script")
    void knownAnswer() {
        // Expected values computed outside Java with Python's hashlib SM3 and the algorithm as written in ADR 0106.
        SpotCheckDraw draw = InspectionFixture.draw();
        assertThat(draw.assignments()).containsExactly(
                new SpotCheckDraw.Assignment("91441521MA00000103", List.of(CHEN.id(), XU.id())),
                new SpotCheckDraw.Assignment("91441521MA00000106", List.of(LIN.id(), XU.id())),
                new SpotCheckDraw.Assignment("91441521MA00000100", List.of(ZHOU.id(), CHEN.id())));
        assertThat(draw.entityPoolDigest().hex())
                .isEqualTo("b21ab925d27ca1aeaea444bc64490656fdf99c51f98591931e174d79861d9d87");
        assertThat(draw.algorithm()).isEqualTo("SM3-FisherYates-v1");
    }

    @Test
    @DisplayName("The order in which the pool is handed in does not change the draw")
    void poolOrderDoesNotMatter() {
        List<String> shuffled = new ArrayList<>(POOL);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(SpotCheckDraw.draw("D", SEED, shuffled, 3, List.of(ZHOU.id(), XU.id(), LIN.id(), CHEN.id()), 2))
                .isEqualTo(SpotCheckDraw.draw("D", SEED, POOL, 3, List.of(CHEN.id(), LIN.id(), XU.id(), ZHOU.id()), 2));
    }

    @Test
    @DisplayName("A recorded draw whose result was changed afterwards no longer reproduces, and says so")
    void tamperedDrawIsCaught() {
        SpotCheckDraw honest = InspectionFixture.draw();
        assertThat(honest.irreproducibility()).isEmpty();
        List<SpotCheckDraw.Assignment> swapped = new ArrayList<>(honest.assignments());
        swapped.set(1, new SpotCheckDraw.Assignment("91441521MA00000101", List.of(LIN.id(), XU.id())));
        SpotCheckDraw tampered = new SpotCheckDraw(honest.drawId(), honest.algorithm(), honest.seed(),
                honest.entityPool(), honest.entityPoolDigest(), honest.inspectorPool(), 2, swapped);
        assertThat(tampered.irreproducibility()).get().asString()
                .contains("gives [91441521MA00000103, 91441521MA00000106, 91441521MA00000100]")
                .contains("not the recorded [91441521MA00000103, 91441521MA00000101, 91441521MA00000100]");
        SpotCheckDraw poolEdited = new SpotCheckDraw(honest.drawId(), honest.algorithm(), honest.seed(),
                POOL.subList(1, 10), honest.entityPoolDigest(), honest.inspectorPool(), 2, honest.assignments());
        assertThat(poolEdited.irreproducibility()).contains("the entity pool does not match its recorded digest");
    }

    @Property(tries = 200)
    void aDrawPicksDistinctPoolMembersAndRepeatsExactly(@ForAll @StringLength(min = 1, max = 30) String seed,
                                                        @ForAll @IntRange(min = 1, max = 10) int count) {
        List<OfficerId> inspectors = List.of(CHEN.id(), LIN.id(), XU.id(), ZHOU.id());
        SpotCheckDraw draw = SpotCheckDraw.draw("D", seed, POOL, count, inspectors, 2);
        List<String> drawn = draw.assignments().stream().map(SpotCheckDraw.Assignment::entityId).toList();
        assertThat(drawn).hasSize(count).doesNotHaveDuplicates().isSubsetOf(POOL);
        assertThat(draw.assignments()).allSatisfy(a -> assertThat(a.inspectors()).hasSize(2).doesNotHaveDuplicates()
                .isSubsetOf(inspectors));
        assertThat(draw.irreproducibility()).isEmpty();
        assertThat(draw.entityPoolDigest()).isEqualTo(Sm3.ofUtf8(String.join("\n", POOL)));
    }
}
