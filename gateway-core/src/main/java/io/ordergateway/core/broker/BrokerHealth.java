package io.ordergateway.core.broker;

/**
 * An adapter's view of its connection.
 */
public enum BrokerHealth
{
    /** Connected and answering. */
    HEALTHY,
    /** Connected but slow or failing some requests. */
    DEGRADED,
    /** Not connected; sends will be rejected. */
    DOWN
}
