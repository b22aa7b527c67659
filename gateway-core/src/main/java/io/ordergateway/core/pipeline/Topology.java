package io.ordergateway.core.pipeline;

/**
 * How the stages are put on threads. Every stage sees every event in sequence order either way.
 */
public enum Topology
{
    /**
     * Two threads: validate + throttle + risk + route + state on one, journal + send + egress on the other.
     * The default: the build machines have 2 cores, and one hand-off between threads is the least
     * that keeps journal I/O off the deciding thread.
     */
    COMPACT,
    /** One thread per stage (six: risk, route and state share one): for measurement, or machines with cores to spare. */
    PER_STAGE
}
