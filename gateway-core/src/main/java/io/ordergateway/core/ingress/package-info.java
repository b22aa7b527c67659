/**
 * Broker events into the ring: the sink each adapter reports through, which stamps every event
 * with the gateway's clock and claims ring slots without dropping anything (commands from the
 * strategy enter through {@link io.ordergateway.core.api.CommandPublisher}).
 */
package io.ordergateway.core.ingress;
