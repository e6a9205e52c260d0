package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Answer of the verify operation: element {@code VerifyLicenceResponse}. {@code resultCode} is kept as text so
 * an unknown code reaches our validation instead of silently becoming {@code null}.
 */
@XmlRootElement(name = "VerifyLicenceResponse")
@XmlType(name = "VerifyLicenceResponseType", propOrder = {"header", "resultCode", "licence"})
public class VerifyLicenceResponseType {

    @XmlElement(required = true)
    public ResponseHeaderType header;
    /** One of VALID, EXPIRED, REVOKED, NOT_FOUND. */
    @XmlElement(required = true)
    public String resultCode;
    /** The licence's face data (照面信息); absent exactly when {@code resultCode} is NOT_FOUND. */
    public LicenceType licence;
}
