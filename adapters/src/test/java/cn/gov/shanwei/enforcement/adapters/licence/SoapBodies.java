package cn.gov.shanwei.enforcement.adapters.licence;

/** Response bodies for the stubbed licence service; the request id is echoed by WireMock's templating. */
final class SoapBodies {

    static final String ECHO_REQUEST_ID = "{{xPath request.body '//*[local-name()=\"requestId\"]/text()'}}";

    private SoapBodies() {
    }

    static String envelope(String payload) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + payload + "</soap:Body></soap:Envelope>";
    }

    static String response(String resultCode, String licence) {
        return response(ECHO_REQUEST_ID, resultCode, licence);
    }

    static String response(String requestId, String resultCode, String licence) {
        return envelope("<el:VerifyLicenceResponse xmlns:el=\"http://gd.gov.cn/elicence/ws/v1\">"
                + "<el:header><el:requestId>" + requestId + "</el:requestId>"
                + "<el:providerRequestId>GD-20250101-0001</el:providerRequestId></el:header>"
                + "<el:resultCode>" + resultCode + "</el:resultCode>"
                + (licence == null ? "" : licence)
                + "</el:VerifyLicenceResponse>");
    }

    static String licence(String licenceId, String validFrom, String validUntil) {
        return "<el:licence>"
                + "<el:licenceId>" + licenceId + "</el:licenceId>"
                + "<el:licenceName>营业执照</el:licenceName>"
                + "<el:catalogueCode>11100000000013338W011</el:catalogueCode>"
                + "<el:holderName>汕尾市城区海滨餐饮有限公司</el:holderName>"
                + "<el:holderIdNumber>91441502MA4UJ0XX3F</el:holderIdNumber>"
                + "<el:issuerName>汕尾市市场监督管理局</el:issuerName>"
                + "<el:validFrom>" + validFrom + "</el:validFrom>"
                + (validUntil == null ? "" : "<el:validUntil>" + validUntil + "</el:validUntil>")
                + "</el:licence>";
    }

    static String fault(String faultCode, String faultString, String detail) {
        return envelope("<soap:Fault><faultcode>" + faultCode + "</faultcode><faultstring>" + faultString
                + "</faultstring>" + (detail == null ? "" : "<detail>" + detail + "</detail>") + "</soap:Fault>");
    }
}
