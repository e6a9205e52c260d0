package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hub.message-log.keep-bodies-for}: an operation outside the list keeps only the digests of its exchange, and
 * one inside keeps the bodies encrypted (never in clear), each digest that of the body as exchanged.
 */
class MessageLogBodyPolicyTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final CallContext CONTEXT = new CallContext("hub", "44150001", "SW-HF-SCJ〔2026〕7号",
            "C4415-SCJ-0001", "trace-policy", null);
    private static final String REQUEST = "{\"holderId\":\"440102199003071234\",\"phone\":\"13800138000\"}";
    private static final String RESPONSE = "{\"valid\":true}";

    private final FieldCipher cipher = new FieldCipher(KEY);

    @Test
    void anOperationOutsideThePolicy_keepsOnlyItsDigests() {
        JdbcMessageLog log = log(List.of("licence.verify"));

        JdbcMessageLog.Prepared prepared = log.prepare(exchange(Provider.PAYMENT, "notice-issue"));

        assertThat(prepared.requestBody()).isNull();
        assertThat(prepared.responseBody()).isNull();
        assertThat(prepared.requestDigest()).isEqualTo(sm3(REQUEST));
        assertThat(prepared.responseDigest()).isEqualTo(sm3(RESPONSE));
    }

    @Test
    void anOperationInThePolicy_keepsItsBodiesEncrypted() {
        JdbcMessageLog log = log(List.of("licence.verify"));

        JdbcMessageLog.Prepared prepared = log.prepare(exchange(Provider.LICENCE, "verify"));

        assertThat(prepared.requestBody()).isNotNull().doesNotContain("440102199003071234")
                .doesNotContain("13800138000");
        assertThat(cipher.decrypt(prepared.requestBody())).isEqualTo(REQUEST);
        assertThat(cipher.decrypt(prepared.responseBody())).isEqualTo(RESPONSE);
        assertThat(prepared.requestDigest()).isEqualTo(sm3(REQUEST));
    }

    @Test
    void anEmptyPolicy_keepsNoBodyAtAll_andTheWildcardKeepsEvery() {
        assertThat(log(List.of()).prepare(exchange(Provider.LICENCE, "verify")).requestBody()).isNull();
        assertThat(log(List.of("*")).prepare(exchange(Provider.SEAL, "sign")).requestBody()).isNotNull();
    }

    private JdbcMessageLog log(List<String> keepBodiesFor) {
        MessageLogProperties policy = new MessageLogProperties(KEY, keepBodiesFor, null, null, null, null);
        // prepare() touches neither the database nor the commits: no connection is ever asked for
        return new JdbcMessageLog(new JdbcTemplate(), null, cipher, policy, Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private static LoggedExchange exchange(Provider provider, String operation) {
        Instant at = Instant.parse("2026-11-29T08:00:00Z");
        return LoggedExchange.answered(provider, operation, CONTEXT, at, at.plusMillis(40), REQUEST, RESPONSE);
    }

    private static String sm3(String text) {
        org.bouncycastle.crypto.digests.SM3Digest digest = new org.bouncycastle.crypto.digests.SM3Digest();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }
}
