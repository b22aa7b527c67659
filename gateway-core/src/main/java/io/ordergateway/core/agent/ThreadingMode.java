package io.ordergateway.core.agent;

/**
 * How the gateway's agents are put on threads, in the spirit of Aeron's {@code ThreadingMode}.
 * Every mode runs the same agents; only their threads differ. The thread map of each mode is in
 * {@link GatewayThreads}.
 */
public enum ThreadingMode
{
    /**
     * Every agent on a thread of its own: each stage group of the topology, the timer, the control plane, each broker.
     */
    DEDICATED,
    /**
     * The stage groups of the topology on their threads (one with {@code Topology.SINGLE}), every other agent
     * (timer, control plane, counters, in-process brokers, added agents) composed onto one more thread. The default.
     */
    SHARED,
    /**
     * No thread at all: the caller drives every agent by {@code OrderGateway.invoker().invoke()} (ring stages,
     * then the other agents). With a {@link ManualClock} this makes timeouts, failover, expiry and restarts
     * deterministic in tests.
     */
    INVOKER
}
