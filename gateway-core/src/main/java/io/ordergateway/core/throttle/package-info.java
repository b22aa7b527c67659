/**
 * Token-bucket throttling per account, strategy and symbol, in event time.
 */
package io.ordergateway.core.throttle;
