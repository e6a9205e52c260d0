package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Answer of fetchLicenceFile. */
@XmlRootElement(name = "FetchLicenceFileResponse")
@XmlType(name = "FetchLicenceFileResponseType", propOrder = {"header", "format", "fileName", "sm3", "content"})
public class FetchLicenceFileResponseType {

    @XmlElement(required = true)
    public ResponseHeaderType header;
    @XmlElement(required = true)
    public String format;
    @XmlElement(required = true)
    public String fileName;
    /** SM3 of the file, hex. */
    @XmlElement(required = true)
    public String sm3;
    /** The file (xs:base64Binary). */
    @XmlElement(required = true)
    public byte[] content;
}
