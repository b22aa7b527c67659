/**
 * JMH benchmarks of the gateway's parts and of the whole order path (submit to send, round trip,
 * journal, stages, the Alpaca adapter), and the replay speed measurement. Run from {@code
 * benchmarks/target/benchmarks.jar}; see {@code benchmarks/README.md}.
 */
package io.ordergateway.benchmarks;
