/**
 * An Alpaca-compatible counterparty on loopback (REST and stream) with an account, executions and
 * injectable faults, for tests, the crash test and {@code gateway alpaca-sim}.
 */
package io.ordergateway.testkit.alpaca;
