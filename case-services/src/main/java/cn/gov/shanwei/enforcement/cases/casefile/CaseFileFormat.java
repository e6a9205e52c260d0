package cn.gov.shanwei.enforcement.cases.casefile;

/**
 * The layout of an exported case file (卷宗), version 1:
 * <pre>
 * manifest.json           format, case, export time and actor, record head and length, every other file with
 *                         its size and SM3, and each evidence file's entry in the record (and, when a place was
 *                         given, its location: state, CGCS2000 point, matched address, division code and the entry
 *                         of its EvidenceLocated)
 * record/entries.jsonl    the full-process record: one link per line (sequence, type, recordedAt, canonical,
 *                         previousHash, hash), verifiable with nothing but these lines
 * evidence/&lt;id&gt;-&lt;name&gt;   the evidence files as received
 * documents/&lt;n&gt;-&lt;name&gt;.ofd  sealed OFD documents (行政处罚决定书; 查封、扣押、冻结决定书, 解除决定书;
 *                         现场检查笔录), each with its verification report (…verification.json) and the record
 *                         entry (DecisionSealed, or DocumentSealed for a measure or an inspection) holding its SM3
 * </pre>
 */
public final class CaseFileFormat {

    /** The format name in the manifest. */
    public static final String FORMAT = "shanwei-casefile/1";
    /** The manifest's path. */
    public static final String MANIFEST = "manifest.json";
    /** The record's path. */
    public static final String ENTRIES = "record/entries.jsonl";
    /** The folder of evidence files. */
    public static final String EVIDENCE = "evidence/";
    /** The folder of sealed documents. */
    public static final String DOCUMENTS = "documents/";

    private CaseFileFormat() {
    }
}
