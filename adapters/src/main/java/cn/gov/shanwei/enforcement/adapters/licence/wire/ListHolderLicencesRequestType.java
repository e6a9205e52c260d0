package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Request of listHolderLicences (持证主体证照列表). */
@XmlRootElement(name = "ListHolderLicencesRequest")
@XmlType(name = "ListHolderLicencesRequestType", propOrder = {"header", "holderType", "holderIdNumber", "catalogueCode", "pageNo", "pageSize"})
public class ListHolderLicencesRequestType {

    @XmlElement(required = true)
    public RequestHeaderType header;
    /** 001 natural person, 002 organisation. */
    @XmlElement(required = true)
    public String holderType;
    /** 身份证号 or 统一社会信用代码. */
    @XmlElement(required = true)
    public String holderIdNumber;
    /** Only this catalogue; optional. */
    public String catalogueCode;
    /** From 1. */
    @XmlElement(required = true)
    public int pageNo;
    /** 1 to 50. */
    @XmlElement(required = true)
    public int pageSize;
}
