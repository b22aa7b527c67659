/**
 * The in-process simulated broker (type {@code sim}): acks, partial fills, rejects and latency
 * drawn from a seeded random source, an agent on the gateway's threads, with statements for
 * reconciliation.
 */
package io.ordergateway.adapters.sim;
