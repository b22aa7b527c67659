/**
 * Reconciliation while the gateway runs: every interval each broker's positions and working
 * orders are compared with the gateway's, off the ring; a difference seen twice in a row is
 * journaled, alerted and met with the configured policy. Orders at a broker that the gateway
 * never sent are adopted by the adapters (EXTERNAL) when the settings say so.
 */
package io.ordergateway.core.reconcile;
