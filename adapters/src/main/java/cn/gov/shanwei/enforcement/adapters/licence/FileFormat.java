package cn.gov.shanwei.enforcement.adapters.licence;

/** Format of a licence's archival file (证照文件). */
public enum FileFormat {
    /** OFD (GB/T 33190), a ZIP container: media type {@code application/ofd}. */
    OFD,
    /** PDF: media type {@code application/pdf}. */
    PDF
}
