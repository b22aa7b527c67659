/**
 * The Alpaca adapter: REST orders and the {@code trade_updates} stream over Netty, with client
 * order ids as the broker's idempotency keys, retries within the API budget, reconnect catch-up
 * and start-up reconciliation queries. Registered as broker type {@code alpaca}.
 */
package io.ordergateway.adapters.alpaca;
