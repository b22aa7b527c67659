/**
 * Replay and reconciliation: the journal's layout, the replayer that rebuilds state with the live
 * stages' code, start-up recovery and reconciliation against the brokers, and the resolution of
 * orders whose fate is unknown.
 */
package io.ordergateway.core.recovery;
