package cn.gov.shanwei.enforcement.domain.record;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordProperties {

    record Note(int n, String text) { }

    @Property
    void anySingleAlterationIsFoundAtItsEntry(@ForAll @Size(min = 1, max = 30) List<String> texts,
                                              @ForAll @IntRange(min = 0, max = 29) int victim) {
        CaseRecord<Note> record = new CaseRecord<>();
        for (int i = 0; i < texts.size(); i++) {
            record.append(new Note(i, texts.get(i)));
        }
        int index = victim % texts.size();
        List<ChainedEntry> entries = new ArrayList<>(record.entries());
        ChainedEntry e = entries.get(index);
        entries.set(index, new ChainedEntry(e.sequence(), e.canonical() + " ", e.previousHash(), e.hash()));

        assertThat(ChainVerification.of(record.entries()).intact()).isTrue();
        assertThat(ChainVerification.of(entries).firstBroken()).hasValue(index + 1L);
    }
}
