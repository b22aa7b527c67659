package io.ordergateway.runtime.launch;

import io.ordergateway.core.api.GatewayBuilder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.runtime.admin.AdminServer;
import io.ordergateway.runtime.config.ConfigLoader;
import io.ordergateway.runtime.config.ConfigWatcher;
import io.ordergateway.runtime.config.ConfiguredGateway;
import io.ordergateway.runtime.config.GatewayConfig;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * From a configuration file to a running gateway with what an operator expects around it: the
 * brokers each configured type's factory makes, the gateway built and restored from its journal,
 * the brokers' {@code enabled} flags applied, the file watched (limits, throttles, weights and
 * enabled brokers apply while it runs) and the admin endpoint serving, if configured.
 *
 * <pre>{@code
 * try (LaunchedGateway running = GatewayLauncher.fromFile(Path.of("gateway.yaml")).launch()) {
 *     OrderGateway gateway = running.gateway();
 *     ...
 * }
 * }</pre>
 *
 * Every thread it starts belongs to the gateway's thread map: the watcher is one of the gateway's
 * agents, the admin endpoint's event loop is made by the gateway's thread factory.
 */
public final class GatewayLauncher
{
    /** How often the watcher looks at the file by default. */
    public static final long DEFAULT_WATCH_MILLIS = 1_000;

    private final Path file;
    private String profile;
    private Map<String, String> environment = System.getenv();
    private GatewayConfig config;
    private List<BrokerAdapter> brokers;
    private Consumer<GatewayBuilder> customize = b -> { };
    private int adminPort = -1;
    private long watchMillis = DEFAULT_WATCH_MILLIS;
    private boolean watch = true;

    private GatewayLauncher(final Path file)
    {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * @param file the configuration (YAML or JSON, see {@link ConfigLoader}).
     * @return a launcher for it.
     */
    public static GatewayLauncher fromFile(final Path file)
    {
        return new GatewayLauncher(file);
    }

    /**
     * @param profile the profile to apply, or null for none.
     * @return this.
     */
    public GatewayLauncher profile(final String profile)
    {
        this.profile = profile;
        return this;
    }

    /**
     * @param environment where {@code ${NAME}} references are resolved (default: the process's).
     * @return this.
     */
    public GatewayLauncher environment(final Map<String, String> environment)
    {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /**
     * @param config the file's configuration, already loaded (so the caller can read it first).
     * @return this.
     */
    public GatewayLauncher loaded(final GatewayConfig config)
    {
        this.config = config;
        return this;
    }

    /**
     * @param brokers adapters the caller made from the configuration ({@link ConfiguredGateway#brokers}) and
     *                wants to keep a hand on; by default the launcher makes them.
     * @return this.
     */
    public GatewayLauncher brokers(final List<BrokerAdapter> brokers)
    {
        this.brokers = List.copyOf(brokers);
        return this;
    }

    /**
     * @param customize changes to the builder after the configuration is applied (e.g. a listener).
     * @return this.
     */
    public GatewayLauncher customize(final Consumer<GatewayBuilder> customize)
    {
        this.customize = Objects.requireNonNull(customize, "customize");
        return this;
    }

    /**
     * @param port serve the admin endpoint on this loopback port (0: any free one) whatever the file says.
     * @return this.
     */
    public GatewayLauncher adminPort(final int port)
    {
        this.adminPort = port;
        return this;
    }

    /**
     * @param watch       whether to watch the file for changes.
     * @param everyMillis how often to look.
     * @return this.
     */
    public GatewayLauncher watch(final boolean watch, final long everyMillis)
    {
        this.watch = watch;
        this.watchMillis = everyMillis;
        return this;
    }

    /**
     * Loads, builds, restores, connects and starts serving.
     *
     * @return the running gateway; close it to stop everything.
     * @throws io.ordergateway.runtime.config.ConfigException if the configuration is not valid (every problem, with its
     *                                                        path).
     * @throws InterruptedException if interrupted while the admin endpoint binds.
     */
    public LaunchedGateway launch() throws InterruptedException
    {
        final GatewayConfig cfg = config != null ? config : ConfigLoader.load(file, profile, environment);
        final List<BrokerAdapter> adapters = brokers != null ? brokers : ConfiguredGateway.brokers(cfg);
        final GatewayBuilder builder = ConfiguredGateway.builder(cfg, adapters);
        customize.accept(builder);
        final OrderGateway gateway = builder.build();
        ConfigWatcher watcher = null;
        AdminServer admin = null;
        try
        {
            ConfiguredGateway.applyEnabled(gateway, cfg, null);
            if (watch)
            {
                watcher = new ConfigWatcher(gateway, file, profile, environment, cfg, watchMillis,
                    SystemNanoClock.INSTANCE);
                gateway.addAgent("config-watch", watcher);
            }
            final int port = adminPort >= 0 ? adminPort : cfg.admin().port();
            if (adminPort >= 0 || port > 0)
            {
                admin = new AdminServer(gateway, adminPort >= 0 ? "127.0.0.1" : cfg.admin().bind(), port,
                    adminPort >= 0 ? null : cfg.admin().token());
                admin.configWatcher(watcher);
            }
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            gateway.close();
            throw ex;
        }
        return new LaunchedGateway(cfg, gateway, watcher, admin);
    }
}
