package io.ordergateway.runtime.config;

import io.ordergateway.core.settings.Setting;
import io.ordergateway.core.settings.SettingProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where each of a gateway's settings comes from in the YAML file, so that the problems the gateway's
 * own check finds ({@code GatewaySettings.problems()}) are reported under the path a person has to
 * fix: {@code ringSize: ...} becomes {@code gateway.ringSize: ...}, {@code accountRateLimit.burst: ...}
 * becomes {@code throttles.account.burst: ...}. The rule and its reason stay the gateway's; only the
 * name in front changes.
 */
final class SettingPaths
{
    /**
     * The file's paths in the order the loader reads them: problems are listed in this order, so the
     * gateway's problems and the file's own come out section by section.
     */
    private static final List<String> ORDER =
        List.of("profiles", "gateway.instanceId", "gateway.ringSize", "gateway.threadingMode", "gateway.topology",
        "gateway.waitStrategy", "gateway.journal", "gateway", "instruments", "brokers", "routing", "risk",
        "throttles.account", "throttles.strategy", "throttles.symbol", "throttles", "admin", "counters");

    private SettingPaths()
    {
    }

    /**
     * @param setting a setting.
     * @return its path in the file, or null for one the file does not set.
     */
    static String path(final Setting setting)
    {
        return switch (setting)
        {
            case INSTANCE_ID -> "gateway.instanceId";
            case RING_SIZE -> "gateway.ringSize";
            case THREADING_MODE -> "gateway.threadingMode";
            case TOPOLOGY -> "gateway.topology";
            case WAIT_STRATEGY -> "gateway.waitStrategy";
            case JOURNAL_DIRECTORY -> "gateway.journal.directory";
            case JOURNAL_ROLL_CYCLE -> "gateway.journal.rollCycle";
            case JOURNAL_DURABILITY -> "gateway.journal.durability";
            case INSTRUMENTS -> "instruments";
            case BROKERS -> "brokers";
            case ROUTING -> "routing";
            case RISK_LIMITS -> "risk";
            case ACCOUNT_RATE_LIMIT -> "throttles.account";
            case STRATEGY_RATE_LIMIT -> "throttles.strategy";
            case SYMBOL_RATE_LIMIT -> "throttles.symbol";
            case COUNTERS_FILE -> "counters.file";
            case POLLING, POLL_QUEUE_BYTES, ORDER_CAPACITY, CLOSE_TIMEOUT, RECONCILE_TIMEOUT, CLOCK -> null;
        };
    }

    /**
     * @param problem a problem the gateway's check found.
     * @return it as the file's problem: {@code path: reason}, with an example where a list is empty.
     */
    static String describe(final SettingProblem problem)
    {
        final String path = path(problem.setting());
        final String where = path == null ? problem.key() + " (not set by the configuration file)" : path
            + problem.detail();
        return where + ": " + problem.reason() + example(problem);
    }

    /**
     * @param found   the problems the gateway's check found.
     * @param reports where the file's problems go.
     */
    static void report(final List<SettingProblem> found, final List<String> reports)
    {
        for (final SettingProblem problem : found)
        {
            reports.add(describe(problem));
        }
    }

    /**
     * @param problems problems, each starting with its path.
     * @return the same problems in the order of the file's sections (stable within a section).
     */
    static List<String> inFileOrder(final List<String> problems)
    {
        final List<String> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(SettingPaths::rank));
        return sorted;
    }

    private static int rank(final String problem)
    {
        final int colon = problem.indexOf(':');
        final String path = colon < 0 ? problem : problem.substring(0, colon);
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < ORDER.size(); i++)
        {
            final String prefix = ORDER.get(i);
            final boolean matches = path.equals(prefix) || path.startsWith(prefix)
                && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '['
                || path.charAt(prefix.length()) == ' ');
            if (matches && prefix.length() > bestLength)
            {
                best = i;
                bestLength = prefix.length();
            }
        }
        return best;
    }

    private static String example(final SettingProblem problem)
    {
        if (!problem.detail().isEmpty() || !problem.reason().startsWith("expected at least one"))
        {
            return "";
        }
        return switch (problem.setting())
        {
            case INSTRUMENTS -> " (- symbol: AAPL)";
            case BROKERS -> " (- name: sim-a, type: sim)";
            default -> "";
        };
    }
}
