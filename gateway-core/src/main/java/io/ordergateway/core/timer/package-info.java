/**
 * The timer agent: publishes ticks into the ring so timeouts, breaker periods and recovery run in
 * event time and replay identically.
 */
package io.ordergateway.core.timer;
