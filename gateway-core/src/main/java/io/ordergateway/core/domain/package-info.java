/**
 * The gateway's vocabulary: sides, order types, states, reject reasons and the fields they name,
 * instruments, symbols, client order ids and scaled-long arithmetic. The enums' codes are the
 * journal's.
 */
package io.ordergateway.core.domain;
