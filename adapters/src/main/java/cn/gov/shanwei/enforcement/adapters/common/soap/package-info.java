/**
 * Apache CXF plumbing shared by the SOAP adapters: conduit configuration, the response size limit, and the
 * translation of CXF/JAX-WS failures into the {@link cn.gov.shanwei.enforcement.adapters.common.ProviderException}
 * hierarchy.
 */
package cn.gov.shanwei.enforcement.adapters.common.soap;
