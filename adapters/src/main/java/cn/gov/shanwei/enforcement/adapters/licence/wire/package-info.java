/**
 * Wire types of the provincial electronic licence WebService (电子证照 SOAP service), code-first JAX-WS/JAXB.
 *
 * <p>They mirror {@code contracts/src/main/resources/contracts/licence/elicence-v1.wsdl}, our <em>assumed</em>
 * contract (the province has not published one): change both together, the contract tests compare them.
 * Internal to the adapter: callers use {@link cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient}.
 */
@XmlSchema(namespace = ElicenceWire.NS, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "el", namespaceURI = ElicenceWire.NS))
@XmlAccessorType(XmlAccessType.FIELD)
package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
