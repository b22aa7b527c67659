/**
 * The operator's HTTP endpoint: status, brokers, Prometheus metrics and operator commands,
 * bearer-token protected off loopback. Hostile requests are refused before anything acts:
 * malformed HTTP, foreign hosts and origins, bad parameters ({@code RequestGuard},
 * {@code RequestTarget}), and connections beyond the cap or too slow ({@code AdminServer},
 * {@code ConnectionTimeouts}).
 */
package io.ordergateway.runtime.admin;
