package cn.gov.shanwei.enforcement.contracts.licence;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** The licence contract as test fixtures see it: the WSDL's embedded schema, and SOAP payload validation. */
final class ElicenceContract {

    static final String NS = "http://gd.gov.cn/elicence/ws/v1";
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private ElicenceContract() {
    }

    static String wsdlText() throws IOException {
        try (InputStream in = ElicenceContract.class.getClassLoader().getResourceAsStream(ProvinceSandbox.LICENCE_WSDL)) {
            if (in == null) {
                throw new IllegalStateException("contract missing: " + ProvinceSandbox.LICENCE_WSDL);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The schema embedded in the WSDL, compiled with secure processing and no external access. */
    static Schema schema() throws Exception {
        Element xsd = (Element) parse(wsdlText()).getElementsByTagNameNS(XSD_NS, "schema").item(0);
        // Carry the WSDL root's namespace declarations (el:, xs:) onto the schema, which is compiled alone.
        Element root = xsd.getOwnerDocument().getDocumentElement();
        for (int i = 0; i < root.getAttributes().getLength(); i++) {
            Node attribute = root.getAttributes().item(i);
            if (attribute.getNodeName().startsWith("xmlns:") && !xsd.hasAttribute(attribute.getNodeName())) {
                xsd.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getNodeName(), attribute.getNodeValue());
            }
        }
        SchemaFactory factory = SchemaFactory.newInstance(XSD_NS);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(new DOMSource(xsd));
    }

    /**
     * Validates the single payload element inside a SOAP 1.1 body (or a fault's detail) against the schema.
     *
     * @throws SAXException naming the first violation
     */
    static void validatePayload(Schema schema, String envelope) throws Exception {
        Element body = (Element) parse(envelope).getElementsByTagNameNS(SOAP_NS, "Body").item(0);
        Element payload = firstElement(body);
        if (payload.getNamespaceURI().equals(SOAP_NS) && payload.getLocalName().equals("Fault")) {
            payload = firstElement((Element) payload.getElementsByTagName("detail").item(0));
        }
        var validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new DOMSource(payload));
    }

    /** The local name of the payload element in a SOAP body. */
    static String payloadName(String envelope) throws Exception {
        Element body = (Element) parse(envelope).getElementsByTagNameNS(SOAP_NS, "Body").item(0);
        return firstElement(body).getLocalName();
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                return element;
            }
        }
        throw new IllegalArgumentException("no element inside " + parent.getLocalName());
    }

    /** Namespace-aware, DTD-refusing parse. */
    static Document parse(String xml) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** A hand-written verify request, as another client of the province would send it. */
    static String verifyRequest(String licenceId) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                + "<el:VerifyLicenceRequest xmlns:el=\"" + NS + "\"><el:header>"
                + "<el:requesterSystem>contract-test</el:requesterSystem><el:requestId>req-0001</el:requestId>"
                + "<el:matterCode>440115001000</el:matterCode></el:header>"
                + "<el:licenceId>" + licenceId + "</el:licenceId></el:VerifyLicenceRequest>"
                + "</soap:Body></soap:Envelope>";
    }
}
