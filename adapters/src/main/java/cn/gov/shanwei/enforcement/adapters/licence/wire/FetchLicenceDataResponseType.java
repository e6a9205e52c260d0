package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Answer of fetchLicenceData. */
@XmlRootElement(name = "FetchLicenceDataResponse")
@XmlType(name = "FetchLicenceDataResponseType", propOrder = {"header", "status", "licence", "item"})
public class FetchLicenceDataResponseType {

    @XmlElement(required = true)
    public ResponseHeaderType header;
    @XmlElement(required = true)
    public String status;
    @XmlElement(required = true)
    public LicenceType licence;
    /** Further face items (照面项). */
    public java.util.List<FaceItemType> item;
}
