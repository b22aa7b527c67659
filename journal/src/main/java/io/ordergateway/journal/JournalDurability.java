package io.ordergateway.journal;

/**
 * When an appended record counts as kept, and so when the gateway may act on it (send the order,
 * report it SENT): the closed set a gateway's settings and its configuration file choose from
 * ({@code durability: page_cache|group_commit}).
 */
public enum JournalDurability
{
    /**
     * Kept once it is in the page cache (the default): a crash of the process loses nothing
     * appended; a power loss or kernel crash can lose what the OS had not yet written back.
     */
    PAGE_CACHE,
    /**
     * Kept once it is on the device: an agent off the order path forces the journal's file
     * ({@code fdatasync}) after each batch of events the journal stage appended, and the send
     * stage (and so the {@code SENT} report) takes an event only once its batch is forced. Survives
     * a power loss; costs the device's flush time on every order's way out.
     */
    GROUP_COMMIT
}
