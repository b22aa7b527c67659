/**
 * The control plane agent: alerts, broker health probes, send timeouts and the resolution of
 * unknown orders by asking the broker, off the order path.
 */
package io.ordergateway.core.control;
