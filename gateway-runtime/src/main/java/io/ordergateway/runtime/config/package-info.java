/**
 * The configuration file (YAML or JSON): loading with profiles and {@code ${ENV}} secrets, every
 * problem reported with its path, broker blocks read by each type's own factory, and the watcher
 * that applies run-time changes.
 */
package io.ordergateway.runtime.config;
