package cn.gov.shanwei.enforcement.app.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hub.payment.*}: the non-tax payment system as the hub uses it. Nothing here is needed to start the hub;
 * a missing setting fails the first call that needs it, naming the setting.
 *
 * @param paasId         the hub's TIF gateway PaaS id for the payment service
 * @param token          its TIF gateway token (secret)
 * @param callbackSecret the key the provider signs result callbacks with, at least 32 bytes (secret)
 * @param callbackWindow how far a callback's timestamp may be from our clock (default 5 minutes)
 * @param itemCode       收入项目编码 of fines in the non-tax catalogue (default {@code 103050100}, 罚没收入)
 * @param itemName       its name (default 罚没收入)
 */
@ConfigurationProperties("hub.payment")
public record PaymentProperties(String paasId, String token, String callbackSecret, Duration callbackWindow,
                                String itemCode, String itemName) {

    public PaymentProperties {
        callbackWindow = callbackWindow == null ? Duration.ofMinutes(5) : callbackWindow;
        itemCode = itemCode == null || itemCode.isBlank() ? "103050100" : itemCode;
        itemName = itemName == null || itemName.isBlank() ? "罚没收入" : itemName;
    }

    /** @throws IllegalStateException naming {@code hub.payment.<name>} if it is not set */
    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("hub.payment." + name + " is not set: the non-tax payment system"
                    + " cannot be used without it");
        }
        return value;
    }

    @Override
    public String toString() {
        return "PaymentProperties[paasId=" + paasId + ", token=***, callbackSecret=***, callbackWindow="
                + callbackWindow + ", itemCode=" + itemCode + "]";
    }
}
