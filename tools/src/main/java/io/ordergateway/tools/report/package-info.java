/**
 * Offline analysis for the command line: brokers compared from a journal, with significance
 * tests.
 */
package io.ordergateway.tools.report;
