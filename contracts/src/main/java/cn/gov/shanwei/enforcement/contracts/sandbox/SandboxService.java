package cn.gov.shanwei.enforcement.contracts.sandbox;

import java.util.Locale;

/** The province's shared services the sandbox stands in for; {@link #code()} is the first path segment. */
public enum SandboxService {
    /** 统一身份认证 (unified identity). Health stub only, contract to come. */
    IDENTITY,
    /** 电子证照 (electronic licences): SOAP, contract {@code contracts/licence/elicence-v1.wsdl}. */
    LICENCE,
    /** 电子印章 (electronic seals). Health stub only, contract to come. */
    SEAL,
    /** 粤政图 (government map): REST, contract {@code contracts/map/yzt-map-v1.yaml}, {@code MapSandbox}. */
    MAP,
    /** 非税电子支付 (non-tax payment): REST, contract {@code contracts/payment/nontax-payment-v1.yaml}, {@code PaymentSandbox}. */
    PAYMENT,
    /** 共享交换平台 (data-sharing exchange): REST, contract {@code contracts/exchange/exchange-v1.yaml}, {@code ExchangeSandbox}. */
    EXCHANGE;

    /** Lower-case code used in URLs and mapping folders, e.g. {@code "licence"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
