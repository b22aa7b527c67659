/**
 * Market calendars: when a symbol's market is open (24x7, US equities with holidays and half
 * days), in event time.
 */
package io.ordergateway.core.calendar;
