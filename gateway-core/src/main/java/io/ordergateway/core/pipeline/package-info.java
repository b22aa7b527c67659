/**
 * The ring and its machinery: the event, the stage agents that poll it, topologies and wait
 * strategies, and the stages that are not decisions (journal, send, egress).
 */
package io.ordergateway.core.pipeline;
