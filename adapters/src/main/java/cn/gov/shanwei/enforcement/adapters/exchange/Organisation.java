package cn.gov.shanwei.enforcement.adapters.exchange;

import java.util.Objects;

/**
 * 法人库 record of an organisation.
 *
 * @param uscc                统一社会信用代码
 * @param name                registered name
 * @param status              registration status
 * @param legalRepresentative 法定代表人 / 负责人
 */
public record Organisation(String uscc, String name, Status status, String legalRepresentative) {

    public Organisation {
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(legalRepresentative, "legalRepresentative");
    }

    /** Registration status (登记状态). */
    public enum Status {
        /** 存续 / 在业 */
        ACTIVE,
        /** 经营异常 */
        ABNORMAL,
        /** 吊销 */
        REVOKED,
        /** 注销 */
        CANCELLED
    }
}
