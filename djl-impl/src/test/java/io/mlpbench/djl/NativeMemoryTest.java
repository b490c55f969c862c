package io.mlpbench.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-batch sub-managers free every batch's tensors: resident memory stays flat over hundreds of
 * steps. Measured in a child JVM (see {@link RssProbe}) whose heap is fixed and pre-touched, so
 * only native memory can grow.
 */
@EnabledOnOs(OS.LINUX)
class NativeMemoryTest {
  private static final int SAMPLES = 12_800; // 100 batches of 128 per epoch
  private static final int EPOCHS = 7;

  /** A small hidden layer keeps the 700 steps cheap on a shared machine. */
  private static final String HIDDEN = "64";

  /**
   * Skipping the per-step sub-manager (checked once by hand in djl-loop) made RSS grow by 143 MB
   * from epoch 1 to 7 here, about 240 kB per step for activations, logits, loss and autograd
   * bookkeeping (the input tensor wraps the reused staging buffer, so it costs nothing). Without
   * the leak it was 4-6 MB (allocator and JIT noise); 64 MB lies well between the two.
   */
  private static final long MAX_GROWTH_KB = 64 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"djl-fit", "djl-loop"})
  void residentMemoryStaysFlatOverSixHundredSteps(String route) throws Exception {
    List<Long> rss = probe(route);
    assertThat(rss).as("one RSS sample before training and one per epoch").hasSize(EPOCHS + 1);
    long afterFirstEpoch = rss.get(1); // engine, parameters, optimizer state and pools all warm
    long atEnd = rss.get(EPOCHS);
    assertThat(atEnd - afterFirstEpoch)
        .as("RSS growth (kB) from epoch 1 to epoch %d, samples %s", EPOCHS, rss)
        .isLessThan(MAX_GROWTH_KB);
  }

  private static List<Long> probe(String route) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xms512m",
                "-Xmx512m",
                "-XX:+AlwaysPreTouch",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=2",
                "-Dai.djl.pytorch.num_interop_threads=1",
                RssProbe.class.getName(),
                route,
                Integer.toString(SAMPLES),
                Integer.toString(EPOCHS),
                "2",
                HIDDEN));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<Long> rss = new ArrayList<>();
    List<String> output = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        output.add(line);
        if (line.startsWith("rss ")) {
          rss.add(Long.parseLong(line.split(" ")[2]));
        }
      }
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("probe finished").isTrue();
    assertThat(process.exitValue()).as("probe exit code, output %s", output).isZero();
    return rss;
  }
}
