/**
 * A FIX 4.2/4.4 counterparty for the FIX adapter's tests and the demo, on QuickFIX/J (not the adapter's engine, so
 * the adapter is tested against another engine's habits): an acceptor that fills orders from the simulated broker's
 * engine and injects session faults.
 */
package io.ordergateway.testkit.fix;
