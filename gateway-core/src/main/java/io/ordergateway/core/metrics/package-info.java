/**
 * Counters and latency histograms, written by the stages that own them and read as copies; the
 * counters file {@code gateway stat} reads.
 */
package io.ordergateway.core.metrics;
