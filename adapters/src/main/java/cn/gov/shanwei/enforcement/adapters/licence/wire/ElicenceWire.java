package cn.gov.shanwei.enforcement.adapters.licence.wire;

/** Names shared by the wire types and the WSDL. */
public final class ElicenceWire {

    /** Target namespace of the assumed provincial contract, version 1. */
    public static final String NS = "http://gd.gov.cn/elicence/ws/v1";

    private ElicenceWire() {
    }
}
