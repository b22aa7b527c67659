/**
 * The fixed-rate latency harness behind {@code gateway bench}: a driver that sends at planned
 * times and measures from them (no coordinated omission), the targets it drives (the gateway in
 * each threading configuration, the conventional queue-based design, and the floors: a bare
 * Disruptor hop and a bare Chronicle append), all measured in the same run.
 */
package io.ordergateway.benchmarks.harness;
