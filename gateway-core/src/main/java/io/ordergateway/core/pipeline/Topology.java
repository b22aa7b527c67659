package io.ordergateway.core.pipeline;

/**
 * How the stages are grouped onto ring consumers, each group one agent (one thread in the threaded
 * modes). Every stage sees every event in sequence order either way; egress is always an agent of
 * its own behind the last group, so reports never hold the journal back.
 */
public enum Topology
{
    /**
     * One group: validate, throttle, risk, route, state, journal and send on one thread. The default: on a
     * 2-core machine the strategy's thread needs the other core, and a second busy gateway thread costs more
     * in preemption than the hand-off saves (see the README's threading section for the measurements).
     */
    SINGLE,
    /** Two groups: validate + throttle + risk + route + state, then journal + send. */
    COMPACT,
    /** One group per stage (risk, route and state share one): for measurement, or machines with cores to spare. */
    PER_STAGE
}
