/**
 * The broker adapter SPI: {@link io.ordergateway.core.broker.BrokerAdapter} (open, connect, send,
 * ask), the sink its events go back through, capabilities, statements for reconciliation, and
 * {@link io.ordergateway.core.broker.BrokerFactory}, through which a broker type registers itself
 * (ServiceLoader) and reads its own configuration block.
 */
package io.ordergateway.core.broker;
