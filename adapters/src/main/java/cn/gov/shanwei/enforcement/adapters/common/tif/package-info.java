/**
 * Signing for the province's TIF API gateway (数字广东), shared by every REST adapter:
 * {@link cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner} with
 * {@link cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials}.
 */
package cn.gov.shanwei.enforcement.adapters.common.tif;
