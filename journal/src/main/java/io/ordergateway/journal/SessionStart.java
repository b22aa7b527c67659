package io.ordergateway.journal;

import java.util.List;

/**
 * The first record of every session (schema version 4 on): who wrote the records that follow and
 * with what, so a journal names its own brokers and symbols and any tool can read it without the
 * configuration that wrote it.
 *
 * @param sequence            the record's sequence (the last sequence before the session's events).
 * @param timestamp           when the session started, epoch nanoseconds.
 * @param instance            the gateway instance id, the prefix of its client order ids.
 * @param schemaVersion       the writer's journal schema version.
 * @param configurationDigest a digest of the settings the session started with; two sessions with
 *                            the same digest were configured alike.
 * @param brokers             the brokers by id.
 * @param symbols             the symbol names by id.
 */
public record SessionStart(
    long sequence, long timestamp, String instance, int schemaVersion, long configurationDigest, List<Broker> brokers,
    List<String> symbols)
{
    /**
     * A broker as the session knew it.
     *
     * @param id   its id in the journal's records.
     * @param name its configured name.
     * @param type its adapter type (sim, alpaca, fix...).
     */
    public record Broker(int id, String name, String type)
    {
    }

    /**
     * @param brokerId a broker id from one of the session's records.
     * @return the broker's name, or {@code broker-<id>} if the session did not name it.
     */
    public String brokerName(final int brokerId)
    {
        for (final Broker b : brokers)
        {
            if (b.id() == brokerId)
            {
                return b.name();
            }
        }
        return "broker-" + brokerId;
    }
}
