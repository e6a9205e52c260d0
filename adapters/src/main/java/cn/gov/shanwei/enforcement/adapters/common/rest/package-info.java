/**
 * Plumbing shared by the REST adapters (粤政图, 非税支付, 共享交换): {@link
 * cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport} (JDK HTTP client, TIF gateway signing, per-attempt
 * deadline, response size limit, failure mapping onto the one exception hierarchy), {@link
 * cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields} (checks of a provider's JSON answer) and {@link
 * cn.gov.shanwei.enforcement.adapters.common.rest.StaleTolerantCache} (bounded read-through cache that serves a
 * stale-marked answer while the provider is down).
 */
package cn.gov.shanwei.enforcement.adapters.common.rest;
