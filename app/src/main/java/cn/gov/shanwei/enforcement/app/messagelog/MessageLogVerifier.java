package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the message log from its anchor to its head and names the first broken entry: a missing position (deleted
 * entry, including the last), an entry whose fields or digests no longer give its hash, an entry rewritten with a
 * fresh hash (the next entry no longer chains from it), an encrypted body that fails its SM4-GCM tag, or a body
 * whose SM3 digest differs from the one chained. With {@link MessageLogCheckpoints}, it also holds the chain
 * against the heads anchored outside the database (ADR 0404): a checkpointed entry whose hash changed, or a head
 * behind the last checkpoint, means the chain was rewritten, even when it is consistent in itself.
 */
public class MessageLogVerifier {

    private static final int PAGE = 1000;

    private final MessageLogQueries queries;
    private final FieldCipher cipher;
    private final MessageLogCheckpoints checkpoints;

    /** A verifier of the database chain alone. */
    public MessageLogVerifier(MessageLogQueries queries, FieldCipher cipher) {
        this(queries, cipher, null);
    }

    /**
     * @param checkpoints the heads anchored outside the database, or {@code null} for none
     */
    public MessageLogVerifier(MessageLogQueries queries, FieldCipher cipher, MessageLogCheckpoints checkpoints) {
        this.queries = queries;
        this.cipher = cipher;
        this.checkpoints = checkpoints;
    }

    /** Checks the whole kept chain. */
    public ChainVerification verify() {
        MessageLogQueries.Ends ends = queries.ends();
        Map<Long, MessageLogCheckpoints.Checkpoint> anchored = new HashMap<>();
        if (checkpoints != null) {
            ChainVerification outside = againstCheckpoints(ends, anchored);
            if (outside != null) {
                return outside;
            }
        }
        long expected = ends.firstSeq();
        String prev = ends.anchorHash();
        long checked = 0;
        while (true) {
            List<MessageLogEntry> page = queries.page(expected, PAGE);
            for (MessageLogEntry entry : page) {
                String problem = problemOf(entry, expected, prev, expected == ends.firstSeq());
                if (problem != null) {
                    long named = problem.startsWith("rewritten") ? expected - 1 : expected;
                    return ChainVerification.broken(checked, ends.firstSeq(), ends.lastSeq(), named, problem);
                }
                MessageLogCheckpoints.Checkpoint checkpoint = anchored.get(entry.seq());
                if (checkpoint != null && !checkpoint.entryHash().equals(entry.entryHash())) {
                    return ChainVerification.broken(checked, ends.firstSeq(), ends.lastSeq(), entry.seq(),
                            "rewritten: its hash is not the one " + describe(checkpoint));
                }
                prev = entry.entryHash();
                expected++;
                checked++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (expected - 1 != ends.lastSeq()) {
            return ChainVerification.broken(checked, ends.firstSeq(), ends.lastSeq(), expected,
                    "missing: the log's head is at entry " + ends.lastSeq());
        }
        if (!prev.equals(ends.lastHash())) {
            return ChainVerification.broken(checked, ends.firstSeq(), ends.lastSeq(), ends.lastSeq(),
                    "rewritten: its hash is not the head's");
        }
        return ChainVerification.ok(checked, ends.firstSeq(), ends.lastSeq());
    }

    /**
     * Checks the checkpoint file itself and what can be checked without walking the chain; collects the checkpoints
     * of kept entries into {@code anchored} for the walk.
     */
    private ChainVerification againstCheckpoints(MessageLogQueries.Ends ends,
                                                 Map<Long, MessageLogCheckpoints.Checkpoint> anchored) {
        MessageLogCheckpoints.Read read = checkpoints.read();
        if (read.problem() != null) {
            return ChainVerification.broken(0, ends.firstSeq(), ends.lastSeq(), ends.lastSeq(),
                    "checkpoints: " + checkpoints.file() + " " + read.problem());
        }
        for (MessageLogCheckpoints.Checkpoint checkpoint : read.checkpoints()) {
            if (checkpoint.seq() > ends.lastSeq()) {
                return ChainVerification.broken(0, ends.firstSeq(), ends.lastSeq(), ends.lastSeq() + 1,
                        "missing: the head is at entry " + ends.lastSeq() + " but entry " + checkpoint.seq()
                                + " was " + describe(checkpoint));
            }
            if (checkpoint.seq() == ends.firstSeq() - 1 && !checkpoint.entryHash().equals(ends.anchorHash())) {
                return ChainVerification.broken(0, ends.firstSeq(), ends.lastSeq(), ends.firstSeq(),
                        "altered: the anchor is not the hash " + describe(checkpoint));
            }
            if (checkpoint.seq() >= ends.firstSeq()) {
                anchored.put(checkpoint.seq(), checkpoint);
            }
        }
        return null;
    }

    private String describe(MessageLogCheckpoints.Checkpoint checkpoint) {
        return "checkpointed at " + checkpoint.writtenAt() + " (line " + checkpoint.line() + " of "
                + checkpoints.file() + ")";
    }

    private String problemOf(MessageLogEntry entry, long expected, String prev, boolean first) {
        if (entry.seq() != expected) {
            return "missing: the next stored entry is " + entry.seq();
        }
        if (!entry.chainHash(entry.prevHash()).equals(entry.entryHash())) {
            return "altered: its fields or digests do not give its hash";
        }
        if (!entry.prevHash().equals(prev)) {
            return first
                    ? "altered: it does not chain from the log's anchor"
                    : "rewritten: entry " + expected + " does not chain from it";
        }
        String request = bodyProblem("request", entry.requestBody(), entry.requestDigest());
        return request != null ? request : bodyProblem("response", entry.responseBody(), entry.responseDigest());
    }

    private String bodyProblem(String which, String stored, String digest) {
        if (stored == null) {
            return null;
        }
        if (digest == null) {
            return "altered: a " + which + " body without a digest";
        }
        String clear;
        try {
            clear = cipher.decrypt(stored);
        } catch (TamperedDataException e) {
            return "altered: the " + which + " body fails decryption (" + e.getMessage() + ")";
        }
        return Sm3.ofUtf8(clear).hex().equals(digest) ? null
                : "altered: the " + which + " body does not match its digest";
    }
}
