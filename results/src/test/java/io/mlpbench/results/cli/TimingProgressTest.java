package io.mlpbench.results.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingProgressTest {
  @Test
  void etaIsTheMeanFinishedJobTimesTheJobsLeft() {
    long[] clock = {0};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TimingProgress progress =
        new TimingProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> clock[0]);
    progress.line("bench: profile quick, threads [2], batch [128], routes all, checkout x");
    progress.line("[1/3] manual: TrainStepBenchmark, InferenceBenchmark (module manual-backprop)");
    clock[0] = 60_000_000_000L; // the first job takes 60 s
    progress.line("[1/3] manual: ok, 2 result(s) in 60 s");
    progress.line("[2/3] tf-tape: TrainStepBenchmark (module tf-java-impl)");
    progress.line("[2/3] another JMH run holds /tmp/jmh.lock; waiting for it to finish");
    clock[0] = 150_000_000_000L; // the second 90 s: mean 75 s
    progress.line("[2/3] tf-tape: FAILED after 90 s (crash); log x");
    progress.line("[3/3] djl-fit: TrainStepBenchmark (module djl-impl)");

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).filteredOn(l -> l.startsWith("timing: job 2 of 3")).hasSize(1);
    // every runner line passes through unchanged, in order
    assertThat(lines).contains("[1/3] manual: ok, 2 result(s) in 60 s");
    assertThat(lines.get(2))
        .isEqualTo(
            "timing: job 1 of 3 (manual), 3 left including this one, 0:00 elapsed, ETA after the"
                + " first job");
    assertThat(lines)
        .contains(
            "timing: job 2 of 3 (tf-tape), 2 left including this one, 1:00 elapsed, ETA 2:00",
            // 75 s mean x 1 job left
            "timing: job 3 of 3 (djl-fit), 1 left including this one, 2:30 elapsed, ETA 1:15");
  }

  @Test
  void clockShowsHoursOnlyWhenNeeded() {
    assertThat(TimingProgress.clock(59_400_000_000L)).isEqualTo("0:59");
    assertThat(TimingProgress.clock(3_725_000_000_000L)).isEqualTo("1:02:05");
  }
}
