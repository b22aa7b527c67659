/**
 * From a configuration file to a running gateway with its brokers, watcher and admin endpoint, in
 * one call.
 */
package io.ordergateway.runtime.launch;
