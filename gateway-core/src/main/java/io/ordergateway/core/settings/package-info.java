/**
 * Settings that change while the gateway runs (limits, throttles, weights), their versions and
 * rollback; each change goes through the ring and is journaled.
 */
package io.ordergateway.core.settings;
