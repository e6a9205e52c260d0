package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseReadModelTest {

    /** A feed over a fixed list, as the case platform's event log would serve it. */
    static SupervisedCaseFeed feedOf(List<PenaltyCaseEvent> events) {
        return (position, max) -> {
            List<FeedEntry> out = new ArrayList<>();
            for (int i = (int) position; i < events.size() && out.size() < max; i++) {
                out.add(new FeedEntry(i + 1, events.get(i)));
            }
            return out;
        };
    }

    @Test
    @DisplayName("catching up reads the whole feed in batches and remembers where it stopped")
    void catchUp() {
        List<PenaltyCaseEvent> events = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            events.addAll(CaseStory.lead("N-" + i, World.HAIFENG_MARKET, World.SHOP, "2026-03-01")
                    .filed("2026-03-02").events());
        }
        CaseReadModel model = new CaseReadModel();
        assertThat(model.catchUp(feedOf(events))).isEqualTo(2400);
        assertThat(model.position()).isEqualTo(2400);
        assertThat(model.size()).isEqualTo(1200);
        assertThat(model.catchUp(feedOf(events))).as("nothing new").isZero();
    }

    @Test
    @DisplayName("an event delivered twice is applied once; listeners hear each change")
    void idempotent() {
        CaseReadModel model = new CaseReadModel();
        List<CaseFacts> heard = new ArrayList<>();
        model.onChange(heard::add);
        SpringQuarter.B.events().forEach(model::apply);
        SpringQuarter.B.events().forEach(model::apply);
        assertThat(heard).hasSize(SpringQuarter.B.events().size());
        CaseFacts b = model.facts(SpringQuarter.B.number()).orElseThrow();
        assertThat(b.paidFen()).isEqualTo(200_000);
        assertThat(b.closedOn()).hasToString("2026-04-10");
        assertThat(b.isOpen()).isFalse();
        assertThat(b.officers()).hasSize(2);
    }

    @Test
    @DisplayName("a case must start with its registration; a feed may not go backwards")
    void refusals() {
        CaseReadModel model = new CaseReadModel();
        assertThatThrownBy(() -> model.apply(SpringQuarter.A.events().get(1)))
                .isInstanceOf(IllegalArgumentException.class);
        List<PenaltyCaseEvent> a = SpringQuarter.A.events();
        SupervisedCaseFeed backwards = (position, max) -> position == 0
                ? List.of(new FeedEntry(5, a.get(0)), new FeedEntry(4, a.get(1))) : List.of();
        assertThatThrownBy(() -> model.catchUp(backwards)).isInstanceOf(IllegalStateException.class);
    }
}
