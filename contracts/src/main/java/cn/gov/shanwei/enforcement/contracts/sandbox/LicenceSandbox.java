package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The stateful part of the sandbox's electronic licence service (电子证照): listing a holder's licences, per-use auth
 * codes (用证码, 10 minutes, bound to one licence and one matter code), face data (照面信息), the archival file and
 * the usage records (用证记录) it keeps, all from {@value #LICENCES}. Every request is parsed with DTDs refused and
 * validated against {@code elicence-v1.wsdl}'s schema; anything outside it is the contract's {@code INVALID_REQUEST}
 * fault. Mappings under {@code sandbox/mappings/licence/} name their operation in
 * {@code transformerParameters.operation}.
 *
 * <p>Files: every licence has a small PDF and a one-page OFD generated at start-up, both marked as sandbox copies
 * without legal validity. Thread-safe.
 */
public final class LicenceSandbox implements ResponseDefinitionTransformerV2 {

    /** Fixture of licences, holders and face items. */
    static final String LICENCES = "sandbox/data/licence/licences.json";
    /** How long a 用证码 is honoured. */
    public static final Duration USAGE_CODE_LIFETIME = Duration.ofMinutes(10);

    private static final String NS = "http://gd.gov.cn/elicence/ws/v1";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final int MAX_CODES = 10_000;
    private static final int MAX_RECORDS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Map<String, Object>> licences = new LinkedHashMap<>();
    private final Map<String, byte[]> pdfs = new LinkedHashMap<>();
    private final Map<String, byte[]> ofds = new LinkedHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<UsageEntry> records = new CopyOnWriteArrayList<>();
    private final Schema schema;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    LicenceSandbox(ClassLoader resources, Clock clock) {
        this.clock = clock;
        Map<String, Object> fixture = Json.read(SandboxMappings.read(resources, LICENCES), Map.class);
        for (Map<String, Object> licence : (List<Map<String, Object>>) fixture.get("licences")) {
            String id = (String) licence.get("licenceId");
            licences.put(id, licence);
            pdfs.put(id, SandboxPdf.page("SANDBOX LICENCE - NOT LEGALLY VALID", id));
            ofds.put(id, ofd(licence));
        }
        this.schema = schema(SandboxMappings.read(resources, ProvinceSandbox.LICENCE_WSDL));
    }

    /**
     * A usage record (用证记录) the sandbox received.
     *
     * @param usageRecordId the id it answered with
     * @param licenceId     the licence used
     * @param matterCode    header.matterCode
     * @param caseNumber    header.businessSerial
     * @param officerId     header.officerId
     * @param officerName   officerName
     * @param purpose       purpose
     * @param recordedAt    when it was received
     */
    public record UsageEntry(String usageRecordId, String licenceId, String matterCode, String caseNumber,
                             String officerId, String officerName, String purpose, Instant recordedAt) {
    }

    /** The usage records received so far, oldest first (at most the last 10,000). */
    public List<UsageEntry> usageRecords() {
        return List.copyOf(records);
    }

    @Override
    public String getName() {
        return "sandbox-licence";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Element payload;
        try {
            payload = payload(event.getRequest().getBodyAsString());
            var validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(payload));
        } catch (Exception e) {
            return fault(event, "INVALID_REQUEST", "请求报文不符合接口规范: " + e.getMessage());
        }
        String requestId = text(payload, "requestId");
        Function<Element, String> answer = switch (payload.getLocalName()) {
            case "VerifyLicenceRequest" -> this::verify;
            case "ListHolderLicencesRequest" -> this::list;
            case "ObtainUsageCodeRequest" -> this::obtainCode;
            case "FetchLicenceDataRequest" -> this::faceData;
            case "FetchLicenceFileRequest" -> this::file;
            case "RecordUsageRequest" -> this::record;
            default -> p -> { throw new Refusal("INVALID_REQUEST", "unknown operation"); };
        };
        try {
            String body = answer.apply(payload);
            return soap(event, 200, body.replace("{header}", header(requestId)));
        } catch (Refusal refusal) {
            return fault(event, refusal.code, refusal.getMessage());
        }
    }

    private String verify(Element request) {
        Map<String, Object> licence = licences.get(text(request, "licenceId"));
        if (licence == null) {
            return "<el:VerifyLicenceResponse xmlns:el=\"" + NS + "\">{header}<el:resultCode>NOT_FOUND</el:resultCode>"
                    + "</el:VerifyLicenceResponse>";
        }
        return "<el:VerifyLicenceResponse xmlns:el=\"" + NS + "\">{header}<el:resultCode>" + licence.get("status")
                + "</el:resultCode>" + licenceXml(licence) + "</el:VerifyLicenceResponse>";
    }

    private String list(Element request) {
        String holderType = text(request, "holderType");
        String holder = text(request, "holderIdNumber");
        String catalogue = text(request, "catalogueCode");
        int pageNo = Integer.parseInt(text(request, "pageNo"));
        int pageSize = Integer.parseInt(text(request, "pageSize"));
        if (pageNo < 1 || pageSize < 1 || pageSize > 50) {
            throw new Refusal("INVALID_REQUEST", "pageNo from 1, pageSize 1-50");
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> licence : licences.values()) {
            if (holderType.equals(licence.get("holderType")) && holder.equals(licence.get("holderIdNumber"))
                    && (catalogue == null || catalogue.equals(licence.get("catalogueCode")))) {
                matching.add(licence);
            }
        }
        StringBuilder xml = new StringBuilder("<el:ListHolderLicencesResponse xmlns:el=\"" + NS + "\">{header}")
                .append("<el:total>").append(matching.size()).append("</el:total><el:pageNo>").append(pageNo)
                .append("</el:pageNo><el:pageSize>").append(pageSize).append("</el:pageSize>");
        long from = (long) (pageNo - 1) * pageSize;
        for (long i = from; i < Math.min(matching.size(), from + pageSize); i++) {
            Map<String, Object> l = matching.get((int) i);
            xml.append("<el:licence>").append(element("licenceId", l.get("licenceId")))
                    .append(element("licenceName", l.get("licenceName")))
                    .append(element("catalogueCode", l.get("catalogueCode")))
                    .append(element("issuerName", l.get("issuerName"))).append(element("status", l.get("status")))
                    .append(element("validFrom", l.get("validFrom")))
                    .append(l.get("validUntil") == null ? "" : element("validUntil", l.get("validUntil")))
                    .append("</el:licence>");
        }
        return xml.append("</el:ListHolderLicencesResponse>").toString();
    }

    private String obtainCode(Element request) {
        String licenceId = text(request, "licenceId");
        if (!licences.containsKey(licenceId)) {
            throw new Refusal("LICENCE_NOT_FOUND", "no such licence");
        }
        Instant now = clock.instant();
        codes.values().removeIf(g -> g.expiresAt.isBefore(now));
        if (codes.size() >= MAX_CODES) {
            throw new Refusal("BUSY", "too many open usage codes");
        }
        String code = "UC" + HexFormat.of().withUpperCase().formatHex(randomBytes(12));
        Instant expires = now.plus(USAGE_CODE_LIFETIME);
        codes.put(code, new Grant(licenceId, text(request, "matterCode"), expires));
        return "<el:ObtainUsageCodeResponse xmlns:el=\"" + NS + "\">{header}" + element("usageCode", code)
                + element("expiresAt", expires.toString()) + "</el:ObtainUsageCodeResponse>";
    }

    private String faceData(Element request) {
        Map<String, Object> licence = granted(request);
        StringBuilder items = new StringBuilder();
        @SuppressWarnings("unchecked")
        List<List<String>> pairs = (List<List<String>>) licence.getOrDefault("items", List.of());
        for (List<String> pair : pairs) {
            items.append("<el:item>").append(element("name", pair.get(0))).append(element("value", pair.get(1)))
                    .append("</el:item>");
        }
        return "<el:FetchLicenceDataResponse xmlns:el=\"" + NS + "\">{header}" + element("status", licence.get("status"))
                + licenceXml(licence) + items + "</el:FetchLicenceDataResponse>";
    }

    private String file(Element request) {
        Map<String, Object> licence = granted(request);
        String format = text(request, "format");
        String id = (String) licence.get("licenceId");
        byte[] file = "PDF".equals(format) ? pdfs.get(id) : ofds.get(id);
        return "<el:FetchLicenceFileResponse xmlns:el=\"" + NS + "\">{header}" + element("format", format)
                + element("fileName", licence.get("licenceName") + "." + format.toLowerCase(java.util.Locale.ROOT))
                + element("sm3", SandboxSm3.hex(file))
                + element("content", Base64.getEncoder().encodeToString(file)) + "</el:FetchLicenceFileResponse>";
    }

    private String record(Element request) {
        Map<String, Object> licence = granted(request);
        String caseNumber = text(request, "businessSerial");
        String officerId = text(request, "officerId");
        if (caseNumber == null || officerId == null) {
            throw new Refusal("INVALID_REQUEST", "header.businessSerial and header.officerId are required here");
        }
        Instant now = clock.instant();
        String id = "UR" + HexFormat.of().withUpperCase().formatHex(randomBytes(8));
        if (records.size() >= MAX_RECORDS) {
            records.remove(0);
        }
        records.add(new UsageEntry(id, (String) licence.get("licenceId"), text(request, "matterCode"), caseNumber,
                officerId, text(request, "officerName"), text(request, "purpose"), now));
        return "<el:RecordUsageResponse xmlns:el=\"" + NS + "\">{header}" + element("usageRecordId", id)
                + element("recordedAt", now.toString()) + "</el:RecordUsageResponse>";
    }

    /** The licence of a request carrying a 用证码 that is live, for that licence and that matter. */
    private Map<String, Object> granted(Element request) {
        String licenceId = text(request, "licenceId");
        Grant grant = codes.get(text(request, "usageCode"));
        if (grant == null || grant.expiresAt.isBefore(clock.instant()) || !grant.licenceId.equals(licenceId)
                || !grant.matterCode.equals(text(request, "matterCode"))) {
            throw new Refusal("USAGE_CODE_INVALID", "用证码 unknown, expired, or for another licence or matter");
        }
        return licences.get(licenceId);
    }

    /** The licence as a one-page OFD (ofdrw), face data in Chinese, marked as a sandbox copy. */
    private static byte[] ofd(Map<String, Object> licence) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.ofdrw.layout.OFDDoc doc = new org.ofdrw.layout.OFDDoc(out)) {
            doc.add(new org.ofdrw.layout.element.Paragraph(licence.get("licenceName") + "（沙箱样本，不具法律效力）", 6d));
            for (String field : List.of("licenceId", "holderName", "holderIdNumber", "issuerName", "validFrom")) {
                doc.add(new org.ofdrw.layout.element.Paragraph(field + "：" + licence.get(field), 4d));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the sandbox licence file", e);
        }
        return out.toByteArray();
    }

    private static String licenceXml(Map<String, Object> l) {
        return "<el:licence>" + element("licenceId", l.get("licenceId")) + element("licenceName", l.get("licenceName"))
                + element("catalogueCode", l.get("catalogueCode")) + element("holderName", l.get("holderName"))
                + element("holderIdNumber", l.get("holderIdNumber")) + element("issuerName", l.get("issuerName"))
                + element("validFrom", l.get("validFrom"))
                + (l.get("validUntil") == null ? "" : element("validUntil", l.get("validUntil"))) + "</el:licence>";
    }

    private static String header(String requestId) {
        return "<el:header>" + element("requestId", requestId)
                + element("providerRequestId", "GD-SANDBOX-" + HexFormat.of().formatHex(randomBytes(6)))
                + "</el:header>";
    }

    private static String element(String name, Object value) {
        return "<el:" + name + ">" + escape(String.valueOf(value)) + "</el:" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ResponseDefinition soap(ServeEvent event, int status, String payload) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS
                        + "\"><soap:Body>" + payload + "</soap:Body></soap:Envelope>");
        Integer delay = event.getResponseDefinition().getFixedDelayMilliseconds();
        return (delay == null ? builder : builder.withFixedDelay(delay)).build();
    }

    private static ResponseDefinition fault(ServeEvent event, String code, String message) {
        String detail = "<el:ElicenceFault xmlns:el=\"" + NS + "\">" + element("code", code)
                + element("message", message)
                + element("providerRequestId", "GD-SANDBOX-" + HexFormat.of().formatHex(randomBytes(6)))
                + "</el:ElicenceFault>";
        return soap(event, 500, "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + escape(code)
                + "</faultstring><detail>" + detail + "</detail></soap:Fault>");
    }

    /** The first element inside the SOAP body, parsed with DTDs and external entities refused. */
    private static Element payload(String envelope) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
        Node body = document.getElementsByTagNameNS(SOAP_NS, "Body").item(0);
        for (Node n = body == null ? null : body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element && NS.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        throw new IllegalArgumentException("no elicence-v1 payload in the SOAP body");
    }

    /** The text of the first descendant named {@code localName}, or {@code null}. */
    private static String text(Element parent, String localName) {
        Node node = parent.getElementsByTagNameNS(NS, localName).item(0);
        return node == null ? null : node.getTextContent().strip();
    }

    /** The schema embedded in the WSDL, compiled with secure processing and no external access. */
    private static Schema schema(String wsdl) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(wsdl)));
            Element xsd = (Element) document.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
            Element root = document.getDocumentElement();
            for (int i = 0; i < root.getAttributes().getLength(); i++) {
                Node attribute = root.getAttributes().item(i);
                if (attribute.getNodeName().startsWith("xmlns:") && !xsd.hasAttribute(attribute.getNodeName())) {
                    xsd.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getNodeName(),
                            attribute.getNodeValue());
                }
            }
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schemas.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return schemas.newSchema(new DOMSource(xsd));
        } catch (Exception e) {
            throw new IllegalStateException("the licence WSDL's schema does not compile", e);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private record Grant(String licenceId, String matterCode, Instant expiresAt) {
        Grant {
            Objects.requireNonNull(licenceId);
            Objects.requireNonNull(matterCode);
        }
    }

    /** A business refusal, answered as the contract's fault. */
    private static final class Refusal extends RuntimeException {
        private final String code;

        Refusal(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

}
