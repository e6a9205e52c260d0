package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.support.SignedHttp;

import java.net.URI;
import java.net.http.HttpResponse;

/** Signed GET and POST calls to the ops API, as an ops console would make them. */
final class OpsHttp {

    private final SignedHttp http;

    private final String clientId;
    private final String secret;

    OpsHttp(URI base, String clientId, String secret) {
        this.http = new SignedHttp(base);
        this.clientId = clientId;
        this.secret = secret;
    }

    URI base() {
        return http.base();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return http.get(pathAndQuery, clientId, secret);
    }

    HttpResponse<String> post(String path, String json) {
        return http.post(path, json, clientId, secret, null);
    }

    HttpResponse<String> unsignedPost(String path) {
        return http.unsignedPost(path, "");
    }

    HttpResponse<String> unsignedGet(String path) {
        return http.get(path);
    }
}
