package cn.gov.shanwei.enforcement.domain.record;

/**
 * The documents of a coercive measure or an inspection that the hub lays out, has sealed and verifies (ADR 0515).
 * Which of them must be sealed and verified before a step counts is the case platform's rule, not the document's.
 */
public enum DocumentKind {
    /** 查封决定书 / 扣押决定书 / 冻结决定书 with its list (行政强制法 art. 24, 31): served to the party. */
    MEASURE_DECISION("查封、扣押、冻结决定书"),
    /**
     * 延长查封、扣押、冻结期限决定书 (行政强制法 art. 25, 32): the party is told of the extension in writing, with the
     * reasons.
     */
    EXTENSION_DECISION("延长期限决定书"),
    /** 解除查封、扣押、冻结决定书 (行政强制法 art. 28, 33): served to the party. */
    RELEASE_DECISION("解除决定书"),
    /** 现场检查笔录: signed by the inspectors and the party; the hub's seal on its electronic copy is archival. */
    INSPECTION_RECORD("现场检查笔录");

    private final String chinese;

    DocumentKind(String chinese) {
        this.chinese = chinese;
    }

    /** The document's name in the law's words. */
    public String chinese() {
        return chinese;
    }
}
