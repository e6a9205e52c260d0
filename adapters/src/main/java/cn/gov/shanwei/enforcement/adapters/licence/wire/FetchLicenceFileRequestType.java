package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Request of fetchLicenceFile. */
@XmlRootElement(name = "FetchLicenceFileRequest")
@XmlType(name = "FetchLicenceFileRequestType", propOrder = {"header", "licenceId", "usageCode", "format"})
public class FetchLicenceFileRequestType {

    @XmlElement(required = true)
    public RequestHeaderType header;
    @XmlElement(required = true)
    public String licenceId;
    @XmlElement(required = true)
    public String usageCode;
    /** OFD or PDF. */
    @XmlElement(required = true)
    public String format;
}
