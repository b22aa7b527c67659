/**
 * What the adapters share: the off-heap queue that carries commands from the send stage to an
 * adapter's own thread without blocking or allocating.
 */
package io.ordergateway.adapters.support;
