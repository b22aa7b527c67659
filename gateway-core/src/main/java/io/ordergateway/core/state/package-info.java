/**
 * The state stage and the books it owns: the order state machine, orders, positions and account
 * exposure, with read-only views for the stages that decide on its thread, and snapshots with a
 * digest for replay checks.
 */
package io.ordergateway.core.state;
