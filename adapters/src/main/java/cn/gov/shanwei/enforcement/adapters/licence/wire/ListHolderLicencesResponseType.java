package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Answer of listHolderLicences. */
@XmlRootElement(name = "ListHolderLicencesResponse")
@XmlType(name = "ListHolderLicencesResponseType", propOrder = {"header", "total", "pageNo", "pageSize", "licence"})
public class ListHolderLicencesResponseType {

    @XmlElement(required = true)
    public ResponseHeaderType header;
    /** All matching licences, on every page. */
    @XmlElement(required = true)
    public Integer total;
    @XmlElement(required = true)
    public Integer pageNo;
    @XmlElement(required = true)
    public Integer pageSize;
    /** This page's licences. */
    public java.util.List<LicenceSummaryType> licence;
}
