/**
 * The write-ahead journal on Chronicle Queue: the SBE record schema, {@link
 * io.ordergateway.journal.JournalPublisher} (the one encoder) and {@link
 * io.ordergateway.journal.JournalAdapter} (the one decoder, into a typed {@link
 * io.ordergateway.journal.JournalListener}), the queue's writer and reader, record formatting and
 * the fixed-point scales. No other package uses the generated codecs.
 */
package io.ordergateway.journal;
