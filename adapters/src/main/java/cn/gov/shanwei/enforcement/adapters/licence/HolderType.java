package cn.gov.shanwei.enforcement.adapters.licence;

/** Kind of licence holder (持证主体类型), with the province's wire code. */
public enum HolderType {
    /** 自然人: identified by a 身份证号 (GB 11643). Wire code {@code 001}. */
    NATURAL_PERSON("001"),
    /** 法人或其他组织: identified by a 统一社会信用代码 (GB 32100). Wire code {@code 002}. */
    ORGANISATION("002");

    private final String wireCode;

    HolderType(String wireCode) {
        this.wireCode = wireCode;
    }

    /** {@code 001} or {@code 002}. */
    public String wireCode() {
        return wireCode;
    }
}
