/**
 * The {@code gateway} command line (picocli): demo, journal dump/replay/reconcile/report, report
 * brokers, stat, bench and alpaca-sim.
 */
package io.ordergateway.tools;
