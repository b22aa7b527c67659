package io.ordergateway.core.pipeline;

import io.ordergateway.core.routing.RoutingChanges;

/**
 * Told, on the egress thread and after the journal holds them, of the route stage's decisions on an
 * event: raises alerts, starts the probes and the resolution of unknown orders the route stage asked
 * for. Must not block for long.
 */
@FunctionalInterface
public interface RoutingObserver
{
    /**
     * @param timestamp the event's time.
     * @param changes   the decisions (valid only during the call).
     */
    void onRoutingChanges(long timestamp, RoutingChanges changes);
}
