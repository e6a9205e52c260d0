package cn.gov.shanwei.enforcement.adapters.common.soap;

import java.io.IOException;

/** Raised while reading a response that exceeds the configured byte limit; marks the cause chain for mapping. */
public final class ResponseTooLargeException extends IOException {

    ResponseTooLargeException(long limit) {
        super("response exceeds the limit of " + limit + " bytes");
    }
}
