package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Who asks and why (用证方与用证事由): sent with every operation so the province can keep its usage log.
 */
@XmlType(name = "RequestHeaderType",
        propOrder = {"requesterSystem", "requestId", "matterCode", "businessSerial", "officerId"})
public class RequestHeaderType {

    /** Calling system as registered with the province. */
    @XmlElement(required = true)
    public String requesterSystem;
    /** Our id of this call; the province echoes it. */
    @XmlElement(required = true)
    public String requestId;
    /** Enforcement matter code (执法事项编码): the legal purpose of the call. */
    @XmlElement(required = true)
    public String matterCode;
    /** Business serial (业务流水号): our case number, if the call belongs to a case. */
    public String businessSerial;
    /** The officer (执法人员) on whose behalf the call is made, if any. */
    public String officerId;
}
