package org.memberdesk.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample, in milliseconds. */
public final class Stats {

    private final double[] sortedMillis;

    private Stats(double[] sortedMillis) {
        this.sortedMillis = sortedMillis;
    }

    public static Stats ofNanos(long[] nanos, int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            millis[i] = nanos[i] / 1_000_000.0;
        }
        Arrays.sort(millis);
        return new Stats(millis);
    }

    public int count() {
        return sortedMillis.length;
    }

    public double percentile(double p) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    public double median() {
        return percentile(50);
    }

    public double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }

    /** The median of several values (say, the p50s of several rounds). */
    public static double medianOf(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }

    public static String ms(double millis) {
        return millis < 10 ? String.format(java.util.Locale.ROOT, "%.2f ms", millis)
                : String.format(java.util.Locale.ROOT, "%.1f ms", millis);
    }
}
