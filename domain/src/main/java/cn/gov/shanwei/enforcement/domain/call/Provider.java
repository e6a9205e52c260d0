package cn.gov.shanwei.enforcement.domain.call;

/** The provincial services the hub mediates. No municipal system calls them except through the hub. */
public enum Provider {
    /** 统一身份认证 */
    IDENTITY("identity", "统一身份认证"),
    /** 电子证照 */
    LICENCE("licence", "电子证照"),
    /** 电子印章 */
    SEAL("seal", "电子印章"),
    /** 粤政图 */
    MAP("map", "粤政图"),
    /** 非税电子支付 */
    PAYMENT("payment", "非税电子支付"),
    /** 政务大数据中心 / 共享交换 */
    EXCHANGE("exchange", "政务大数据共享交换");

    private final String code;
    private final String chineseName;

    Provider(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** Stable lower-case code used in configuration, metrics, health and error bodies. */
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }
}
