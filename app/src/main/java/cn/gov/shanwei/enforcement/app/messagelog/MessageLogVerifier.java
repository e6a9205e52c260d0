package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.List;

/**
 * Walks the message log from its anchor to its head and names the first broken entry: a missing position (deleted
 * entry, including the last), an entry whose fields or digests no longer give its hash, an entry rewritten with a
 * fresh hash (the next entry no longer chains from it), an encrypted body that fails its SM4-GCM tag, or a body
 * whose SM3 digest differs from the one chained.
 */
public class MessageLogVerifier {

    private static final int PAGE = 1000;

    private final MessageLogQueries queries;
    private final FieldCipher cipher;

    public MessageLogVerifier(MessageLogQueries queries, FieldCipher cipher) {
        this.queries = queries;
        this.cipher = cipher;
    }

    /** Checks the whole kept chain. */
    public ChainVerification verify() {
        MessageLogQueries.Ends ends = queries.ends();
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
