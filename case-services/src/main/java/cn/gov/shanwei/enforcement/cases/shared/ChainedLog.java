package cn.gov.shanwei.enforcement.cases.shared;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.record.CanonicalForm;
import cn.gov.shanwei.enforcement.domain.record.CaseRecord;
import cn.gov.shanwei.enforcement.domain.record.ChainVerification;
import cn.gov.shanwei.enforcement.domain.record.ChainedEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How every procedure's event log is written and read back (ADR 0501): each event SM4-encrypted as JSON, chained with
 * SM3 over its canonical form; on reading, every payload decrypted and parsed into its sealed family, the chain
 * verified and its end compared with the head anchored in the read row. Shared by the penalty case, the coercive
 * measure and the inspection stores.
 *
 * @param <E> the sealed event family of one aggregate
 */
public final class ChainedLog<E> {

    private final Map<String, Class<?>> types;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final Cache<String, Read<E>> reads;

    /** A log that decrypts and parses every row each time it is read. */
    public ChainedLog(Class<E> family, FieldCipher cipher, ObjectMapper json) {
        this(family, cipher, json, 0);
    }

    /**
     * @param family      the sealed event interface (its permitted records are the stored types, by simple name)
     * @param cipher      SM4 cipher of the payloads
     * @param json        the storage JSON mapper
     * @param readsKept   how many rows' decrypted events to keep (ADR 0525), least recently used dropped first; 0
     *                    keeps none. Only for families whose events are immutable values: a kept event is handed to
     *                    every later reader of its row
     */
    public ChainedLog(Class<E> family, FieldCipher cipher, ObjectMapper json, int readsKept) {
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family + " is not a sealed event family");
        }
        if (readsKept < 0) {
            throw new IllegalArgumentException("readsKept must not be negative: " + readsKept);
        }
        this.types = Arrays.stream(family.getPermittedSubclasses())
                .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
        this.cipher = cipher;
        this.json = json;
        this.reads = readsKept == 0 ? null : Caffeine.newBuilder().maximumSize(readsKept).build();
    }

    /**
     * What one stored row was read as: the row's type and encrypted payload, and the event and canonical text made
     * from them. Decrypting, parsing and writing the canonical form are functions of those two stored fields alone, so
     * a row equal in both is read as the same event; the chain is still verified over every row on every restore.
     */
    private record Read<E>(String eventType, String payloadEnc, E event, String canonical) {

        boolean of(ChainedEventRow r) {
            return eventType.equals(r.eventType()) && payloadEnc.equals(r.payloadEnc());
        }
    }

    // The row's event and canonical text: kept from an earlier read of an equal row, or made now (and kept).
    private Read<E> readRow(ChainedEventRow r) {
        if (reads == null || r.hash() == null) {
            E event = read(r);
            return new Read<>(r.eventType(), r.payloadEnc(), event, CanonicalForm.of(event));
        }
        Read<E> kept = reads.getIfPresent(r.hash());
        if (kept != null && kept.of(r)) {
            return kept;
        }
        E event = read(r);
        Read<E> made = new Read<>(r.eventType(), r.payloadEnc(), event, CanonicalForm.of(event));
        reads.put(r.hash(), made);
        return made;
    }

    /** Whether {@code eventType} belongs to this family. */
    public boolean knows(String eventType) {
        return types.containsKey(eventType);
    }

    /** The encrypted JSON of an event. */
    public String encrypt(E event) {
        try {
            return cipher.encrypt(json.writeValueAsString(event));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " could not be written", ex);
        }
    }

    /** The event stored in a row. */
    @SuppressWarnings("unchecked")
    public E read(ChainedEventRow r) {
        Class<?> type = types.get(r.eventType());
        if (type == null) {
            throw new TamperedDataException("entry " + r.sequence() + " has an unknown event type " + r.eventType());
        }
        try {
            return (E) json.readValue(cipher.decrypt(r.payloadEnc()), type);
        } catch (JsonProcessingException e) {
            throw new TamperedDataException("entry " + r.sequence() + " cannot be read as " + r.eventType());
        }
    }

    /** Makes a row for one newly chained link. */
    @FunctionalInterface
    public interface RowMaker<E, R> {
        /** The row of {@code event} chained as {@code link}, its payload already encrypted. */
        R row(E event, ChainedEntry link, String payloadEnc);
    }

    /** Appends {@code events} to {@code record} and makes their rows, in order. */
    public <R extends ChainedEventRow> List<R> append(CaseRecord<E> record, List<? extends E> events,
                                                     RowMaker<E, R> rows) {
        List<R> result = new ArrayList<>();
        for (E e : events) {
            ChainedEntry link = record.append(e);
            result.add(rows.row(e, link, encrypt(e)));
        }
        return result;
    }

    /**
     * Restores the verified record from its rows (in sequence order).
     *
     * @param what        names the record in errors (e.g. "case 海丰〔2025〕1号"), never personal data
     * @param anchoredHead the head hash kept in the read row
     * @param eventCount  the number of events the read row says there are
     * @throws TamperedDataException when a payload, the chain or its end does not hold
     */
    public CaseRecord<E> restore(List<? extends ChainedEventRow> rows, String what, String anchoredHead,
                                 int eventCount) {
        List<E> events = new ArrayList<>();
        List<ChainedEntry> entries = new ArrayList<>();
        for (ChainedEventRow r : rows) {
            Read<E> read = readRow(r);
            events.add(read.event());
            entries.add(new ChainedEntry(r.sequence(), read.canonical(), new Sm3(r.previousHash()),
                    new Sm3(r.hash())));
        }
        CaseRecord<E> record = CaseRecord.restore(events, entries);
        // The links' canonical texts were just made from these very events, so CaseRecord.verify()'s second pass
        // (each event against its link's text) could only recompute them to the same result: check the chain alone.
        ChainVerification verification = ChainVerification.of(entries);
        if (!verification.intact()) {
            throw new TamperedDataException("The record of " + what + " is broken: " + verification.problem());
        }
        if (!record.head().hex().equals(anchoredHead) || events.size() != eventCount) {
            throw new TamperedDataException("The record of " + what + " does not end at its anchored head: entries "
                    + "were removed or added outside the hub");
        }
        return record;
    }
}
