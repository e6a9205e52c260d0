package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Request of recordUsage (用证记录). */
@XmlRootElement(name = "RecordUsageRequest")
@XmlType(name = "RecordUsageRequestType", propOrder = {"header", "licenceId", "usageCode", "matterName", "officerName", "purpose"})
public class RecordUsageRequestType {

    @XmlElement(required = true)
    public RequestHeaderType header;
    @XmlElement(required = true)
    public String licenceId;
    @XmlElement(required = true)
    public String usageCode;
    @XmlElement(required = true)
    public String matterName;
    @XmlElement(required = true)
    public String officerName;
    @XmlElement(required = true)
    public String purpose;
}
