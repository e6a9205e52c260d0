package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** Answer of recordUsage. */
@XmlRootElement(name = "RecordUsageResponse")
@XmlType(name = "RecordUsageResponseType", propOrder = {"header", "usageRecordId", "recordedAt"})
public class RecordUsageResponseType {

    @XmlElement(required = true)
    public ResponseHeaderType header;
    @XmlElement(required = true)
    public String usageRecordId;
    @XmlSchemaType(name = "dateTime")
    @XmlElement(required = true)
    public String recordedAt;
}
