/**
 * Routing across brokers: policies (primary only, round robin, best execution, load balanced,
 * weighted split), the failover chain, breakers, probes and recovery, API budgets, and the
 * published execution status.
 */
package io.ordergateway.core.routing;
