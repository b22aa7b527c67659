/**
 * The thread model: every thread the gateway owns is an Agrona agent placed by {@link
 * io.ordergateway.core.agent.GatewayThreads}, the one composition point, according to the {@link
 * io.ordergateway.core.agent.ThreadingMode}; plus the manual clock for the INVOKER mode's tests
 * and the ring's wake-up for blocking stage threads.
 */
package io.ordergateway.core.agent;
