package io.ordergateway.tools;

import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway stat} in another JVM reads the live counters of a gateway running in this one.
 */
class StatCommandTest
{
    @TempDir
    Path journal;

    private static String runStatInAnotherJvm(final Path journal) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayCli.class.getName(), "stat",
            journal.toString(), "--once"));
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void anotherJvmReadsTheRunningGatewaysCounters() throws Exception
    {
        try (OrderGateway gateway =
            OrderGateway.builder().symbols("AAPL").broker(new SimBroker(SimBrokerConfig.defaults("sim-a")))
            .journalDirectory(journal).countersFile(Path.of("gateway.counters")).build())
        {
            final NewOrder order = new NewOrder();
            for (int i = 0; i < 7; i++)
            {
                gateway.submit(order.reset().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1)));
            }
            final String[] seen = {""};
            io.ordergateway.core.testing.Await.until("gateway stat in another JVM shows the 7 orders", () ->
            {
                try
                {
                    seen[0] = runStatInAnotherJvm(journal);
                }
                catch (final IOException | InterruptedException ex)
                {
                    throw new AssertionError("gateway stat did not run", ex);
                }
                return seen[0].matches("(?s).*orders in\\s+7\\s.*");
            });
            final String out = seen[0];
            assertThat(out).contains("running").containsPattern("orders in\\s+7\\s").containsPattern("sent\\s+7\\s")
                .contains("broker sim-a active").contains("ring occupancy");
        }
        // the last values stay
        assertThat(runStatInAnotherJvm(journal)).contains("closed").containsPattern("orders in\\s+7\\s");
    }
}
