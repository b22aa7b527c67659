package io.ordergateway.tools;

import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.recovery.RoutingReplay;
import io.ordergateway.core.routing.RoutingChangeKind;

import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a journal's routing switches (failovers, probes, recoveries, pauses, breakers, operator
 * commands) as a timeline, and whether a replay of the journal makes the same decisions.
 */
final class RoutingTimeline
{
    private RoutingTimeline()
    {
    }

    /**
     * @param out       where to print.
     * @param directory the journal.
     * @param names     broker names by id (missing ones print as their id).
     * @return the replay comparison, or null for a journal without routing records.
     */
    static RoutingReplay.Result print(final PrintStream out, final Path directory, final List<String> names)
    {
        final RoutingReplay.Result result = RoutingReplay.run(directory);
        if (result == null)
        {
            out.println("Routing: the journal predates routing records (schema version 3)");
            return null;
        }
        final List<JournalReplayer.RoutingSwitch> shown = result.journaled().stream()
            .filter(s -> s.kind() != null && (s.kind().isSwitch() || s.kind() == RoutingChangeKind.BREAKER_OPEN
                || s.kind() == RoutingChangeKind.BREAKER_HALF_OPEN || s.kind() == RoutingChangeKind.PROBE_REQUESTED))
            .toList();
        if (shown.isEmpty())
        {
            out.println("Routing timeline: no failover, breaker or pause in this journal");
        }
        else
        {
            final long first = shown.get(0).timestamp();
            final TextTable table = new TextTable("time", "+s", "event", "broker", "from");
            for (final JournalReplayer.RoutingSwitch s : shown)
            {
                table.row(Instant.ofEpochSecond(0, s.timestamp()).toString(),
                    String.format("%.3f", (s.timestamp() - first) / 1e9), s.kind(), name(names, s.broker()),
                    s.other() < 0 ? "" : name(names, s.other()));
            }
            out.println("Routing timeline (failover, probes, recovery, breakers, pauses):");
            table.print(out);
        }
        out.printf("Routing replay: %,d decisions journaled, replay made %s%n", result.journaled().size(),
            result.same() ? "the same ones" : "DIFFERENT ones (" + result.replayed().size()
            + "): the journal's routing cannot be reproduced");
        return result;
    }

    /**
     * @param directory a journal.
     * @return how many orders' new-order commands were sent to more than one broker (should be 0).
     */
    static long idsSentToTwoBrokers(final Path directory)
    {
        final Map<Long, Integer> brokerOf = new HashMap<>();
        final long[] doubled = {0};
        try (JournalReader reader = new JournalReader(directory))
        {
            reader.readAll(new JournalAdapter(new JournalListener()
            {
                @Override
                public void onOrderSent(
                    final long sequence, final long timestamp, final long orderId, final int brokerId,
                    final int command, final String clientOrderId)
                {
                    if (command == CommandKind.NEW.code())
                    {
                        final Integer before = brokerOf.putIfAbsent(orderId, brokerId);
                        if (before != null && before != brokerId)
                        {
                            doubled[0]++;
                        }
                    }
                }
            }));
        }
        return doubled[0];
    }

    private static String name(final List<String> names, final int id)
    {
        return id < 0 ? "-" : id < names.size() ? names.get(id) : "broker-" + id;
    }
}
