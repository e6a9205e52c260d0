package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** One named face item (照面项), e.g. 法定代表人. */
@XmlType(name = "FaceItemType", propOrder = {"name", "value"})
public class FaceItemType {

    @XmlElement(required = true)
    public String name;
    @XmlElement(required = true)
    public String value;
}
