/**
 * The validation stage: each command checked against its instrument's rules and market hours,
 * with the field and bound of every denial.
 */
package io.ordergateway.core.validate;
