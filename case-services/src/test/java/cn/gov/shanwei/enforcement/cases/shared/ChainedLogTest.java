package cn.gov.shanwei.enforcement.cases.shared;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.record.CaseRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log's kept reads (ADR 0525): fewer decryptions and parses, the same verification. */
class ChainedLogTest {

    private static final FieldCipher CIPHER = new FieldCipher("0123456789abcdef0123456789abcdef");
    private static final CaseNumber NUMBER = new CaseNumber("HF-2026-001");
    private static final UUID CASE = UUID.randomUUID();

    /** The storage mapper, counting the payloads it parses. */
    private static final class CountingMapper extends ObjectMapper {
        final AtomicInteger parsed = new AtomicInteger();

        CountingMapper() {
            super(EventJson.mapper());
        }

        @Override
        public <T> T readValue(String content, Class<T> valueType) throws JsonProcessingException {
            parsed.incrementAndGet();
            return super.readValue(content, valueType);
        }
    }

    private static final class Row extends ChainedEventRow {
        Row(int sequence, String eventType, String payloadEnc, String previousHash, String hash) {
            super(CASE, sequence, UUID.randomUUID(), eventType, Instant.EPOCH, payloadEnc, previousHash, hash);
        }
    }

    private static PenaltyCaseEvent marked(String reason) {
        return new PenaltyCaseEvent.MarkedMajor(UUID.randomUUID(), Instant.parse("2026-11-28T08:00:00Z"), NUMBER,
                reason);
    }

    private static PenaltyCaseEvent.EvidenceRecorded evidence() {
        return new PenaltyCaseEvent.EvidenceRecorded(UUID.randomUUID(), Instant.parse("2026-11-28T09:00:00Z"), NUMBER,
                "E1", "photo", null, Instant.parse("2026-11-28T08:30:00Z"), "shop",
                new ArrayList<>(List.of(new OfficerId("O1"), new OfficerId("O2"))),
                new ArrayList<>(List.of("C1", "C2")));
    }

    // The rows a log writes for these events, as the database would hand them back.
    private static List<Row> rowsOf(ChainedLog<PenaltyCaseEvent> log, List<PenaltyCaseEvent> events) {
        return log.append(new CaseRecord<>(), events, (event, link, payload) -> new Row((int) link.sequence(),
                event.getClass().getSimpleName(), payload, link.previousHash().hex(), link.hash().hex()));
    }

    private static String head(List<Row> rows) {
        return rows.get(rows.size() - 1).hash();
    }

    @Test
    void aRowReadBeforeIsNotDecryptedAndParsedAgain() {
        CountingMapper json = new CountingMapper();
        ChainedLog<PenaltyCaseEvent> log = new ChainedLog<>(PenaltyCaseEvent.class, CIPHER, json, 100);
        List<Row> rows = rowsOf(log, List.of(marked("public interest"), evidence(), marked("complex")));

        CaseRecord<PenaltyCaseEvent> first = log.restore(rows, "case 1", head(rows), 3);
        assertThat(json.parsed).hasValue(3);
        CaseRecord<PenaltyCaseEvent> again = log.restore(rows, "case 1", head(rows), 3);

        assertThat(json.parsed).hasValue(3);
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(again.entries()).isEqualTo(first.entries());
    }

    @Test
    void withNothingKeptEveryReadParses() {
        CountingMapper json = new CountingMapper();
        ChainedLog<PenaltyCaseEvent> log = new ChainedLog<>(PenaltyCaseEvent.class, CIPHER, json);
        List<Row> rows = rowsOf(log, List.of(marked("a"), marked("b")));

        log.restore(rows, "case 1", head(rows), 2);
        log.restore(rows, "case 1", head(rows), 2);

        assertThat(json.parsed).hasValue(4);
    }

    @Test
    void aPayloadSwappedUnderAKeptLinkIsStillCaught() {
        ChainedLog<PenaltyCaseEvent> log = new ChainedLog<>(PenaltyCaseEvent.class, CIPHER, new CountingMapper(), 100);
        List<Row> rows = rowsOf(log, List.of(marked("public interest"), marked("complex")));
        log.restore(rows, "case 1", head(rows), 2);

        // Someone with database access re-encrypts another reason into row 1 and leaves its hashes alone.
        Row forged = new Row(1, "MarkedMajor", log.encrypt(marked("nothing to see")), rows.get(0).previousHash(),
                rows.get(0).hash());
        List<Row> tampered = List.of(forged, rows.get(1));

        assertThatThrownBy(() -> log.restore(tampered, "case 1", head(rows), 2))
                .isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("entry 1 was altered");
    }

    @Test
    void aRowOfAnotherTypeUnderAKeptHashIsReadAfresh() {
        CountingMapper json = new CountingMapper();
        ChainedLog<PenaltyCaseEvent> log = new ChainedLog<>(PenaltyCaseEvent.class, CIPHER, json, 100);
        List<Row> rows = rowsOf(log, List.of(marked("public interest")));
        log.restore(rows, "case 1", head(rows), 1);

        Row retyped = new Row(1, "CaseArchived", rows.get(0).payloadEnc(), rows.get(0).previousHash(),
                rows.get(0).hash());

        assertThatThrownBy(() -> log.restore(List.of(retyped), "case 1", head(rows), 1))
                .isInstanceOf(TamperedDataException.class);
        assertThat(json.parsed).hasValue(2);
    }

    @Test
    void aRemovedLinkIsCaughtWhenTheRestWereKept() {
        ChainedLog<PenaltyCaseEvent> log = new ChainedLog<>(PenaltyCaseEvent.class, CIPHER, new CountingMapper(), 100);
        List<Row> rows = rowsOf(log, List.of(marked("a"), marked("b"), marked("c")));
        log.restore(rows, "case 1", head(rows), 3);

        assertThatThrownBy(() -> log.restore(List.of(rows.get(0), rows.get(2)), "case 1", head(rows), 3))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void keptEventsCannotBeChangedByAReader() {
        ChainedLog<PenaltyCaseEvent> log = new ChainedLog<>(PenaltyCaseEvent.class, CIPHER, new CountingMapper(), 100);
        List<Row> rows = rowsOf(log, List.of(evidence()));
        var read = (PenaltyCaseEvent.EvidenceRecorded) log.restore(rows, "case 1", head(rows), 1).events().get(0);

        assertThatThrownBy(() -> read.officers().add(new OfficerId("O3")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.certificateNumbers().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> new ChainedLog<>(PenaltyCaseEvent.class, CIPHER, new ObjectMapper(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventListsAreCopiedWhenMade() {
        List<String> certificates = new ArrayList<>(List.of("C1"));
        var event = new PenaltyCaseEvent.SanctionsDecided(UUID.randomUUID(), Instant.EPOCH, NUMBER,
                LocalDate.of(2026, 11, 28), "D1", null, "");
        var recorded = new PenaltyCaseEvent.EvidenceRecorded(UUID.randomUUID(), Instant.EPOCH, NUMBER, "E1", "d", null,
                Instant.EPOCH, "w", List.of(), certificates);
        certificates.add("C2");

        assertThat(recorded.certificateNumbers()).containsExactly("C1");
        assertThat(event.sanctions()).isNull();
    }
}
