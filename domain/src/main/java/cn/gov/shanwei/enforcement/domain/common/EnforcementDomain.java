package cn.gov.shanwei.enforcement.domain.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An enforcement domain (执法领域), such as market supervision or ecology and environment: what an officer's
 * certificate covers, what a matter belongs to, and the key of departmental procedure rules.
 *
 * @param code a lower-case kebab-case code, e.g. {@code market-supervision}
 */
public record EnforcementDomain(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** 市场监管. */
    public static final EnforcementDomain MARKET_SUPERVISION = new EnforcementDomain("market-supervision");
    /** 生态环境. */
    public static final EnforcementDomain ECOLOGY_ENVIRONMENT = new EnforcementDomain("ecology-environment");
    /** 交通运输. */
    public static final EnforcementDomain TRANSPORT = new EnforcementDomain("transport");
    /** 城市管理综合执法. */
    public static final EnforcementDomain URBAN_MANAGEMENT = new EnforcementDomain("urban-management");

    public EnforcementDomain {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new DomainValidationException("enforcementDomain", "'" + code
                    + "' is not a domain code (lower-case words joined by '-')");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
