package io.gcam.benchmarks;

import io.gcam.benchmarks.core.AuditAppendBenchmark;
import io.gcam.benchmarks.core.ReferenceNumberBenchmark;
import io.gcam.benchmarks.documents.IntakeBenchmark;
import io.gcam.benchmarks.identity.IdTokenVerifyBenchmark;
import io.gcam.benchmarks.profile.ProfileSaveLoadBenchmark;
import io.gcam.benchmarks.records.CustodyChainBenchmark;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every GCAM benchmark together with its baseline and prints a table of throughputs and the
 * ratio GCAM / baseline.
 *
 * <p>Two ways to run:
 * <ul>
 *   <li>JMH (default): takes JMH's usual command-line options (e.g. {@code -wi 5 -w 2 -i 5 -r 2 -f 1});
 *       without an explicit benchmark pattern it runs all {@link #SCENARIOS}, one benchmark after the
 *       other.</li>
 *   <li>{@code --interleaved [seconds] [name]}: one JVM, no forks (only the scenarios whose name
 *       contains {@code name}, when given); the GCAM operation and its baseline run
 *       in alternating short slices (after a warm-up of the same length), so that both see the same
 *       background load. Use it on a shared, noisy machine: the ratio is then far steadier than the
 *       absolute figures.</li>
 * </ul>
 * See {@code benchmarks/README.md}.
 */
public final class ScenarioRunner {

    /**
     * One GCAM operation and the baseline it is compared with, both benchmark methods of one class.
     *
     * @param name the label in the table
     * @param benchmarkClass the JMH class holding both methods
     * @param gcamMethod the benchmark of the GCAM operation
     * @param baselineMethod the benchmark of the comparable plain-JDBC work
     */
    public record Scenario(String name, Class<?> benchmarkClass, String gcamMethod, String baselineMethod) {

        /** @return the JMH name of the GCAM benchmark */
        public String gcamBenchmark() {
            return benchmarkClass.getName() + "." + gcamMethod;
        }

        /** @return the JMH name of the baseline benchmark */
        public String baselineBenchmark() {
            return benchmarkClass.getName() + "." + baselineMethod;
        }
    }

    /** The scenarios the runner reports, in table order. */
    public static final List<Scenario> SCENARIOS = List.of(
            new Scenario("audit append (H2, own tx)", AuditAppendBenchmark.class, "gcamAppend", "baselineInsert"),
            new Scenario("reference number (H2, create)", ReferenceNumberBenchmark.class, "gcamNext",
                    "baselineIncrement"),
            new Scenario("ID-token verify (RS256, cached JWKS)", IdTokenVerifyBenchmark.class, "gcamVerify",
                    "baselineNimbusVerify"),
            new Scenario("profile save+load (H2, encrypted)", ProfileSaveLoadBenchmark.class, "gcamSaveLoad",
                    "baselineSaveLoad"),
            new Scenario("profile load (H2, encrypted)", ProfileSaveLoadBenchmark.class, "gcamLoad", "baselineLoad"),
            new Scenario("custody append (H2, own tx)", CustodyChainBenchmark.class, "gcamAppend",
                    "baselineInsert"),
            new Scenario("document intake 1 MiB (fsync)", IntakeBenchmark.class, "gcamIntake1MiB", "baselineCopy1MiB"),
            new Scenario("document intake 50 MiB (fsync)", IntakeBenchmark.class, "gcamIntake50MiB",
                    "baselineCopy50MiB"),
            new Scenario("appointment availability (H2, 20 services x 90 days)",
                    io.gcam.benchmarks.appointment.AvailabilityBenchmark.class, "gcamAvailability",
                    "baselineAvailability"),
            new Scenario("appointment booking (PostgreSQL, reserve + confirm)",
                    io.gcam.benchmarks.appointment.BookingBenchmark.class, "gcamBook", "baselineBook"));

    /**
     * A measured throughput.
     *
     * @param score operations per second
     * @param error the 99.9% confidence half-interval JMH reports; {@code NaN} when
     *     unknown (too few iterations, or an interleaved run)
     */
    public record Throughput(double score, double error) {
    }

    private ScenarioRunner() {
    }

    /**
     * Runs the benchmarks and prints the table to standard output.
     *
     * @param args JMH command-line options
     * @throws RunnerException when JMH fails
     * @throws CommandLineOptionException when an option is not understood
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length > 0 && args[0].equals("--interleaved")) {
            Duration measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
            String only = args.length > 2 ? args[2] : "";
            List<Scenario> chosen = SCENARIOS.stream().filter(s -> s.name().contains(only)).toList();
            System.out.print(table(interleaved(chosen, measure, measure)));
            return;
        }
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            for (Scenario scenario : SCENARIOS) {
                builder.include(Pattern.quote(scenario.benchmarkClass().getName()) + "\\.");
            }
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.print(table(throughputs(results)));
    }

    /**
     * Runs every scenario interleaved in this JVM (see the class description), in slices of a tenth of
     * {@code measure}, at most 250 ms.
     *
     * @param warmup time each side runs before measuring
     * @param measure time each side is measured
     * @return the throughput of each benchmark, by its JMH name
     */
    public static Map<String, Throughput> interleaved(Duration warmup, Duration measure) {
        return interleaved(SCENARIOS, warmup, measure);
    }

    /**
     * Runs the given scenarios interleaved in this JVM, like {@link #interleaved(Duration, Duration)}.
     *
     * @param scenarios the scenarios, e.g. those of {@link #SCENARIOS} whose name contains a word
     * @param warmup time each side runs before measuring
     * @param measure time each side is measured
     * @return the throughput of each benchmark, by its JMH name
     */
    public static Map<String, Throughput> interleaved(List<Scenario> scenarios, Duration warmup, Duration measure) {
        Duration slice = measure.dividedBy(10).compareTo(Duration.ofMillis(250)) < 0
                ? measure.dividedBy(10) : Duration.ofMillis(250);
        return Interleaved.run(scenarios, warmup, measure, slice);
    }

    /**
     * @param results JMH's results
     * @return the throughput of each benchmark, by its JMH name
     */
    static Map<String, Throughput> throughputs(Collection<RunResult> results) {
        Map<String, Throughput> byName = new HashMap<>();
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            byName.put(result.getParams().getBenchmark(), new Throughput(primary.getScore(), primary.getScoreError()));
        }
        return byName;
    }

    /**
     * Formats the table; scenarios with a missing side are listed with {@code -}.
     *
     * @param throughputs the throughput of each benchmark, by its JMH name
     * @return the table, one line per scenario after a header
     */
    public static String table(Map<String, Throughput> throughputs) {
        StringBuilder out = new StringBuilder();
        int width = SCENARIOS.stream().mapToInt(sc -> sc.name().length()).max().orElse(8);
        String row = "%-" + width + "s %22s %22s %14s%n";
        out.append(String.format(Locale.ROOT, row, "scenario", "GCAM ops/s", "baseline ops/s", "GCAM/baseline"));
        for (Scenario scenario : SCENARIOS) {
            Throughput gcam = throughputs.get(scenario.gcamBenchmark());
            Throughput baseline = throughputs.get(scenario.baselineBenchmark());
            String ratio = gcam == null || baseline == null || baseline.score() == 0
                    ? "-"
                    : String.format(Locale.ROOT, "%.2f", gcam.score() / baseline.score());
            out.append(String.format(Locale.ROOT, row, scenario.name(), format(gcam), format(baseline), ratio));
        }
        return out.toString();
    }

    private static String format(@Nullable Throughput throughput) {
        if (throughput == null) {
            return "-";
        }
        // Slow operations (large files) get decimals, so that their ratio can be read off the table.
        String number = throughput.score() < 100 ? "%,.2f" : "%,.0f";
        if (Double.isNaN(throughput.error())) {
            return String.format(Locale.ROOT, number, throughput.score());
        }
        return String.format(Locale.ROOT, number + " ± " + number, throughput.score(), throughput.error());
    }
}
