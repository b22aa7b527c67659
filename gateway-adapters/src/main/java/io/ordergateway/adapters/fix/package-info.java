/**
 * The FIX 4.2/4.4 broker adapter on Real Logic's Artio engine: sessions whose sequence numbers and sent messages
 * survive restarts, resend and gap fill, reconnect with back-off, orders and their ExecutionReports, and order status
 * requests for unknown outcomes. The codecs are generated at build time from the dictionaries in {@code src/main/fix}.
 */
package io.ordergateway.adapters.fix;
