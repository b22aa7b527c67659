package io.ordergateway.core.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every version of the run-time settings (risk limits, throttles, split weights) a gateway has
 * had, and the way a new one gets in: checked first (refused: nothing changes), then published into
 * the ring as one event that each stage applies (single writer) and the journal records. The check
 * is the gateway's own ({@code GatewaySettings.problemsWith}): the rules its settings met at start.
 * Rollback applies an earlier version again, as a new version. Operator calls; synchronized.
 */
public final class SettingsHistory
{
    private static final Logger LOG = LoggerFactory.getLogger(SettingsHistory.class);

    /**
     * Puts a settings change into the ring.
     */
    @FunctionalInterface
    public interface Publisher
    {
        /**
         * @param settings the change.
         * @param version  its version number.
         * @return null if it entered the ring, else why not.
         */
        String publish(RuntimeSettings settings, int version);
    }

    /**
     * Checks a change against the gateway it would change.
     */
    @FunctionalInterface
    public interface Check
    {
        /**
         * @param settings the change.
         * @return what is wrong with the gateway after it; empty when it can be applied.
         */
        List<SettingProblem> problems(RuntimeSettings settings);
    }

    private final String instanceId;
    private final Check check;
    private final Publisher publisher;
    private final List<RuntimeSettings> versions = new ArrayList<>();

    /**
     * @param instanceId the gateway's name, for the alert.
     * @param check      how a change is checked (the rules the gateway's settings met at start).
     * @param publisher  how a change enters the ring.
     * @param start      the settings the gateway started with: version 1.
     */
    public SettingsHistory(final String instanceId, final Check check, final Publisher publisher,
        final RuntimeSettings start)
    {
        this.instanceId = instanceId;
        this.check = check;
        this.publisher = publisher;
        versions.add(start);
    }

    /**
     * @param settings the new settings.
     * @return accepted with the new version, or refused with the reasons.
     */
    public synchronized SettingsResult apply(final RuntimeSettings settings)
    {
        final List<String> problems = check.problems(settings).stream().map(SettingProblem::toString).toList();
        if (!problems.isEmpty())
        {
            LOG.warn("settings change from {} refused: {}", settings.source(), String.join("; ", problems));
            return new SettingsResult(false, versions.size(), problems);
        }
        final int version = versions.size() + 1;
        final String refusal = publisher.publish(settings, version);
        if (refusal != null)
        {
            return new SettingsResult(false, versions.size(), List.of("not applied: " + refusal));
        }
        versions.add(settings);
        LOG.warn("ALERT gateway {}: settings version {} applied: {}", instanceId, version, settings.describe(version));
        return new SettingsResult(true, version, List.of());
    }

    /**
     * @param version the version to go back to (1 is the settings the gateway started with).
     * @return the outcome.
     */
    public synchronized SettingsResult rollback(final int version)
    {
        if (version < 1 || version > versions.size())
        {
            return new SettingsResult(false, versions.size(),
                List.of("no settings version " + version + "; versions are 1 to " + versions.size()));
        }
        return apply(versions.get(version - 1).from("rollback to version " + version));
    }

    /**
     * @return every version, oldest first.
     */
    public synchronized List<RuntimeSettings> versions()
    {
        return List.copyOf(versions);
    }
}
