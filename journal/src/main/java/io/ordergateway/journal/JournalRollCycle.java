package io.ordergateway.journal;

/**
 * How often the journal starts a new file: the closed set a gateway's settings and its
 * configuration file choose from ({@code rollCycle: daily|hourly}). {@link JournalFiles#rollCycle}
 * maps each to Chronicle Queue's roll cycle.
 */
public enum JournalRollCycle
{
    /** One file per day (the default). */
    DAILY,
    /** One file per hour, for a busy gateway whose daily files would grow too large. */
    HOURLY
}
