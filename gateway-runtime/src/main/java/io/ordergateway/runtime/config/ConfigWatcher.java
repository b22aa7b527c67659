package io.ordergateway.runtime.config;

import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.settings.SettingsResult;
import io.ordergateway.core.agent.Period;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches a running gateway's configuration file and applies what may change while it runs: risk
 * limits, throttles and split weights (as a settings change through the ring, journaled) and brokers
 * enabled or disabled (as routing commands). A file that does not load, or a change that fails the
 * gateway's checks, is refused with its reasons logged, and nothing changes. Changes that need a
 * restart (threading, brokers added, instruments...) are logged as such and not applied.
 *
 * <p>An agent: run it with the gateway's other agents ({@code gateway.addAgent("config-watch", watcher)});
 * each duty cycle it looks at the file's time once the interval has passed, and is closed with the
 * gateway.
 */
public final class ConfigWatcher implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final OrderGateway gateway;
    private final Path file;
    private final String profile;
    private final Map<String, String> environment;
    private final NanoClock clock;
    private final Period looks;
    private volatile GatewayConfig current;
    private volatile String lastOutcome = "watching";
    private FileTime seen;

    /**
     * A watcher; it looks once it runs as an agent.
     *
     * @param gateway        the gateway.
     * @param file           its configuration file.
     * @param profile        the profile it was started with, or null.
     * @param environment    the environment for {@code ${...}}.
     * @param loaded         the configuration the gateway was built from.
     * @param intervalMillis how often to look at the file.
     * @param clock          the clock that paces the looks.
     */
    public ConfigWatcher(final OrderGateway gateway, final Path file, final String profile, final Map<String,
        String> environment, final GatewayConfig loaded, final long intervalMillis, final NanoClock clock)
    {
        this.clock = clock;
        this.gateway = gateway;
        this.file = file;
        this.profile = profile;
        this.environment = environment;
        this.current = loaded;
        this.seen = modified();
        this.looks = new Period(intervalMillis * 1_000_000L, clock.nanoTime());
    }

    private FileTime modified()
    {
        try
        {
            return Files.getLastModifiedTime(file);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    @Override
    public int doWork()
    {
        if (!looks.due(clock.nanoTime()))
        {
            return 0;
        }
        final FileTime modified = modified();
        if (modified != null && !modified.equals(seen))
        {
            seen = modified;
            reload();
        }
        return 1;
    }

    @Override
    public String roleName()
    {
        return "config-watch";
    }

    /**
     * Reads the file now and applies what changed.
     *
     * @return what happened, one line.
     */
    public synchronized String reload()
    {
        final GatewayConfig next;
        try
        {
            next = ConfigLoader.load(file, profile, environment);
        }
        catch (final ConfigException ex)
        {
            lastOutcome = "refused: " + String.join("; ", ex.problems());
            LOG.warn("configuration {} changed but cannot be used; nothing changes:\n  {}", file,
                String.join("\n  ", ex.problems()));
            return lastOutcome;
        }
        final List<String> restartOnly = restartOnly(current, next);
        if (!restartOnly.isEmpty())
        {
            LOG.warn("configuration {}: these changes need a restart and are not applied: {}", file, restartOnly);
        }
        final SettingsResult result =
            gateway.settings().apply(ConfiguredGateway.settings(next, "file " + file.getFileName()));
        if (!result.accepted())
        {
            lastOutcome = "refused: " + String.join("; ", result.problems());
            return lastOutcome;
        }
        ConfiguredGateway.applyEnabled(gateway, next, current);
        current = next;
        lastOutcome = "applied as version " + result.version()
            + (restartOnly.isEmpty() ? "" : "; needs a restart: " + restartOnly);
        return lastOutcome;
    }

    /**
     * @return the outcome of the last reload.
     */
    public String lastOutcome()
    {
        return lastOutcome;
    }

    private static List<String> restartOnly(final GatewayConfig a, final GatewayConfig b)
    {
        final List<String> out = new ArrayList<>();
        if (!a.instanceId().equals(b.instanceId()))
        {
            out.add("gateway.instanceId");
        }
        if (a.ringSize() != b.ringSize() || a.threadingMode() != b.threadingMode() || a.topology() != b.topology()
            || a.waitStrategy() != b.waitStrategy())
        {
            out.add("gateway threading (ringSize, threadingMode, topology, waitStrategy)");
        }
        if (!a.journal().equals(b.journal()) || a.rollCycle() != b.rollCycle() || a.durability() != b.durability()
            || a.pretouch() != b.pretouch())
        {
            out.add("gateway.journal (directory, rollCycle, durability, pretouch)");
        }
        if (!a.instruments().equals(b.instruments()))
        {
            out.add("instruments");
        }
        if (a.brokers().size() != b.brokers().size())
        {
            out.add("brokers (added or removed)");
        }
        if (!a.routing().withWeights(b.routing().weights()).equals(b.routing()))
        {
            out.add("routing (other than weights)");
        }
        if (!a.admin().equals(b.admin()))
        {
            out.add("admin");
        }
        return out;
    }
}
