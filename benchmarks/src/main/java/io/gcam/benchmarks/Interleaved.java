package io.gcam.benchmarks;

import io.gcam.benchmarks.ScenarioRunner.Scenario;
import io.gcam.benchmarks.ScenarioRunner.Throughput;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measures each scenario's GCAM benchmark and its baseline in alternating slices on one thread of
 * this JVM, calling the benchmark classes' JMH {@code @Setup}/{@code @TearDown} methods as JMH
 * would (trial level once, iteration level before every slice).
 */
final class Interleaved {

    private Interleaved() {
    }

    /**
     * @param scenarios the scenarios to measure
     * @param warmup time spent on each side before measuring (alternating slices, not counted)
     * @param measure time measured on each side
     * @param slice length of one slice
     * @return the throughput of each benchmark, by its JMH name
     */
    static Map<String, Throughput> run(List<Scenario> scenarios, Duration warmup, Duration measure, Duration slice) {
        Map<String, Throughput> results = new HashMap<>();
        for (Scenario scenario : scenarios) {
            Object state = instantiate(scenario.benchmarkClass());
            invokeAll(state, Setup.class, Level.Trial);
            try {
                Method gcam = method(scenario.benchmarkClass(), scenario.gcamMethod());
                Method baseline = method(scenario.benchmarkClass(), scenario.baselineMethod());
                alternate(state, gcam, baseline, warmup, slice);
                long[] ops = new long[2];
                long[] nanos = new long[2];
                long rounds = Math.max(1, measure.toNanos() / slice.toNanos());
                for (long round = 0; round < rounds; round++) {
                    int first = (int) (round % 2);   // alternate which side goes first
                    for (int side : new int[] {first, 1 - first}) {
                        invokeAll(state, Setup.class, Level.Iteration);
                        long start = System.nanoTime();
                        ops[side] += loop(state, side == 0 ? gcam : baseline, slice);
                        nanos[side] += System.nanoTime() - start;
                    }
                }
                results.put(scenario.gcamBenchmark(), new Throughput(ops[0] * 1e9 / nanos[0], Double.NaN));
                results.put(scenario.baselineBenchmark(), new Throughput(ops[1] * 1e9 / nanos[1], Double.NaN));
            } finally {
                invokeAll(state, TearDown.class, Level.Trial);
            }
        }
        return results;
    }

    private static void alternate(Object state, Method gcam, Method baseline, Duration time, Duration slice) {
        long rounds = time.toNanos() / slice.toNanos();
        for (long round = 0; round < rounds; round++) {
            invokeAll(state, Setup.class, Level.Iteration);
            loop(state, gcam, slice);
            invokeAll(state, Setup.class, Level.Iteration);
            loop(state, baseline, slice);
        }
    }

    private static long loop(Object state, Method benchmark, Duration slice) {
        long end = System.nanoTime() + slice.toNanos();
        long ops = 0;
        while (System.nanoTime() < end) {
            invoke(state, benchmark);
            ops++;
        }
        return ops;
    }

    private static Object instantiate(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no benchmark " + name, e);
        }
    }

    private static void invokeAll(Object state, Class<?> annotation, Level level) {
        List<Method> methods = Arrays.stream(state.getClass().getMethods())
                .filter(m -> annotation == Setup.class
                        ? m.isAnnotationPresent(Setup.class) && m.getAnnotation(Setup.class).value() == level
                        : m.isAnnotationPresent(TearDown.class) && m.getAnnotation(TearDown.class).value() == level)
                .toList();
        for (Method method : methods) {
            invoke(state, method);
        }
    }

    private static void invoke(Object state, Method method) {
        try {
            method.invoke(state);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method.getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(method.getName() + " is not accessible", e);
        }
    }
}
