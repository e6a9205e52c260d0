/**
 * Client of the data-sharing exchange (政务大数据中心 / 共享交换平台): {@link
 * cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient} pushes 处罚 / 强制 / 检查 records in service mode
 * (REST batches with an idempotency key, each record validated against the contract's JSON Schema before sending,
 * the provider's per-record results returned), and {@link
 * cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient} reads the base libraries (人口库, 法人库,
 * 执法事项库, 法规库, 执法人员库 by certificate number; by staff user id it is {@code adapters.identity.StaffDirectory}).
 */
package cn.gov.shanwei.enforcement.adapters.exchange;
