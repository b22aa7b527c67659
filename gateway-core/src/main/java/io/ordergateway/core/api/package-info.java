/**
 * The embedding API: {@link io.ordergateway.core.api.OrderGateway} and its builder, the commands
 * a strategy submits, the reports it gets back (callback or polling), and the operator controls.
 * {@link io.ordergateway.core.api.GatewayAssembly} is the composition root.
 */
package io.ordergateway.core.api;
