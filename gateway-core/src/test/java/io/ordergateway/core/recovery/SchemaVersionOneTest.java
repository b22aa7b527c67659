package io.ordergateway.core.recovery;

import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.JournalWriter;
import io.ordergateway.journal.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal written by schema version 1 (before fills carried their source) is read and replayed
 * by this version, and gives the positions the live version-1 gateway had.
 *
 * <p>The fixture is the SBE documents of a real version-1 demo run ({@code schema-v1-demo.bin}:
 * each document as a 4-byte length and its bytes), written here into a fresh Chronicle Queue: what
 * evolves is the record schema; the queue's own file format is Chronicle's. The expected positions
 * are those the live gateway printed when it closed.
 */
class SchemaVersionOneTest
{
    @TempDir
    Path dir;

    @Test
    void aVersionOneJournalReplaysToTheLiveGatewaysPositions() throws IOException
    {
        int documents = 0;
        final Set<Integer> versions = new HashSet<>();
        try (InputStream raw = getClass().getResourceAsStream("/journals/schema-v1-demo.bin");
             DataInputStream in = new DataInputStream(raw);
             JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            while (true)
            {
                final int length;
                try
                {
                    length = in.readInt();
                }
                catch (final EOFException end)
                {
                    break;
                }
                final byte[] document = in.readNBytes(length);
                versions.add(new MessageHeaderDecoder().wrap(new UnsafeBuffer(document), 0).version());
                writer.append(document, 0, length);
                documents++;
            }
        }
        assertThat(documents).isEqualTo(1009);
        assertThat(versions).containsExactly(1);

        try (JournalReader reader = new JournalReader(dir))
        {
            final long[] records = {0};
            reader.readAll((t, b, o, l, v, i) -> records[0]++);
            assertThat(records[0]).isGreaterThan(documents);
        }

        final PortfolioSnapshot replayed = JournalReplayer.replay(dir);
        final List<String> expected;
        try (InputStream csv = getClass().getResourceAsStream("/journals/schema-v1-demo-positions.csv"))
        {
            expected = new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                .toList();
        }
        assertThat(expected).hasSize(6);
        for (final String line : expected)
        {
            final String[] f = line.split(",");
            final String symbol = f[0];
            final PortfolioSnapshot.PositionLine total = replayed.position(PortfolioSnapshot.TOTAL, symbol);
            assertThat(total.quantity()).as(symbol).isEqualTo(FixedPoint.parse(f[1], 9));
            assertThat(total.averagePrice()).as(symbol).isEqualTo(FixedPoint.parse(f[2], 8));
            // the demo truncates to cents
            assertThat((total.realisedPnl() / 1_000_000) / 100.0).as(symbol).isEqualTo(Double.parseDouble(f[3]));
            assertThat(total.boughtQuantity()).as(symbol).isEqualTo(FixedPoint.parse(f[4], 9));
            assertThat(total.soldQuantity()).as(symbol).isEqualTo(FixedPoint.parse(f[5], 9));
            assertThat(replayed.position(0, symbol).quantity()).as(symbol).isEqualTo(FixedPoint.parse(f[6], 9));
            assertThat(replayed.position(1, symbol).quantity()).as(symbol).isEqualTo(FixedPoint.parse(f[7], 9));
        }
    }
}
