/**
 * A broker that answers every order at once: for benchmarks of the gateway's own cost.
 */
package io.ordergateway.testkit.echo;
