package io.mlpbench.results.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The overall progress line of {@code run}'s timing stage. The benchmarks runner announces each JMH
 * job as {@code [i/n] <label>: ...} when it starts and again when it ends ({@code ": ok, ..."} or
 * {@code ": FAILED ..."}); every line is passed through, and at each job start a line says which
 * job runs, how many are left and, once a job has finished, an ETA: the mean duration of the
 * finished jobs times the jobs left (calibration jobs are shorter than route jobs, so early ETAs
 * run low).
 */
final class TimingProgress {
  private static final Pattern JOB = Pattern.compile("^\\[(\\d+)/(\\d+)\\] (\\S+?):? (.*)$");

  private final PrintStream out;
  private final LongSupplier nanos;
  private final long start;
  private int finished;
  private long finishedNanos;
  private long jobStart;
  private int started;

  TimingProgress(PrintStream out, LongSupplier nanos) {
    this.out = out;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** Passes one line of the runner's output through, adding a progress line at a job start. */
  void line(String line) {
    out.println(line);
    Matcher m = JOB.matcher(line);
    if (!m.matches()) {
      return;
    }
    int index = Integer.parseInt(m.group(1));
    int total = Integer.parseInt(m.group(2));
    String rest = m.group(4);
    long now = nanos.getAsLong();
    if (rest.startsWith("ok,") || rest.startsWith("FAILED")) {
      finished++;
      finishedNanos += now - jobStart;
      return;
    }
    if (index == started) {
      return; // another line about the running job, e.g. waiting for the JMH lock
    }
    started = index;
    jobStart = now;
    int left = total - index + 1;
    String eta =
        finished == 0
            ? "ETA after the first job"
            : "ETA " + clock((finishedNanos / finished) * left);
    out.printf(
        Locale.ROOT,
        "timing: job %d of %d (%s), %d left including this one, %s elapsed, %s%n",
        index,
        total,
        m.group(3),
        left,
        clock(now - start),
        eta);
  }

  static String clock(long nanos) {
    long s = Math.round(nanos / 1e9);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
