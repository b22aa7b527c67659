/**
 * Pre-trade risk: limits per order, position and account, the kill switch and reduce-only
 * controls; the risk stage reads the state stage's books.
 */
package io.ordergateway.core.risk;
