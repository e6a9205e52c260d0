package cn.gov.shanwei.enforcement.app.clients;

import java.time.Instant;

/**
 * Where the hub remembers the nonces of accepted signed requests, shared by every hub instance (ADR 0916): a nonce
 * accepted by one instance is refused by all of them while its timestamp could still be accepted.
 */
public interface NonceStore {

    /**
     * Records the use of {@code nonce} by {@code clientId}, atomically.
     *
     * @param rememberUntil when the record may be forgotten (the request's timestamp is unacceptable by then)
     * @return {@code true} if this is the first use, {@code false} if the nonce was used before
     * @throws RuntimeException when the store cannot be asked; the caller must then refuse the request
     */
    boolean firstUse(String clientId, String nonce, Instant rememberUntil);
}
