package cn.gov.shanwei.enforcement.domain.call;

/**
 * The outside parties the hub calls: the provincial services it mediates (no municipal system calls them except
 * through the hub) and, apart from them, the municipal systems' own webhook receivers, which the hub calls the same
 * durable way ({@link #WEBHOOK}, ADR 0913).
 */
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
    EXCHANGE("exchange", "政务大数据共享交换"),
    /** 回调通知: the registered municipal systems' webhook receivers, not a provincial service */
    WEBHOOK("webhook", "回调通知");

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

    /** Whether this is one of the province's shared services (health, breakers, sandbox); false for webhooks. */
    public boolean isProvincial() {
        return this != WEBHOOK;
    }
}
