/**
 * The operator's HTTP endpoint: status, brokers, Prometheus metrics and operator commands,
 * bearer-token protected off loopback.
 */
package io.ordergateway.runtime.admin;
