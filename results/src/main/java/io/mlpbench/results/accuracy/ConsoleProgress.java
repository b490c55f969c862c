package io.mlpbench.results.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.results.model.AccuracyResult;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** One progress bar per route and epoch (batches done of the epoch), then a line per run. */
public final class ConsoleProgress implements RunProgress {
  private final PrintStream out;
  private ProgressBar bar;
  private int barEpoch;
  private int epochs;
  private long seed;

  public ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void runStarted(String route, long seed, int epochs) {
    this.epochs = epochs;
    this.seed = seed;
    barEpoch = 0;
  }

  @Override
  public void message(String route, JsonNode m) {
    switch (m.path("type").asText()) {
      case "batch" -> {
        int epoch = m.path("epoch").asInt();
        if (bar == null || epoch != barEpoch) {
          closeBar();
          barEpoch = epoch;
          bar =
              new ProgressBarBuilder()
                  .setTaskName(String.format("%-12s s%d e%d/%d", route, seed, epoch, epochs))
                  .setInitialMax(m.path("batches").asLong())
                  .setStyle(ProgressBarStyle.ASCII)
                  .setUnit(" batches", 1)
                  .setUpdateIntervalMillis(500)
                  .setMaxRenderedLength(110)
                  .build();
        }
        bar.stepTo(m.path("batch").asLong());
      }
      case "epoch" -> {
        if (bar != null) {
          bar.setExtraMessage(
              String.format(
                  "loss %.4f acc %.4f",
                  m.path("loss").asDouble(), m.path("testAccuracy").asDouble()));
          closeBar();
        }
      }
      default -> {}
    }
  }

  @Override
  public void runFinished(String route, AccuracyResult r) {
    closeBar();
    if (r.ok()) {
      out.printf(
          "%-12s seed %d: test accuracy %.4f after %d epochs, %.1f s training%n",
          route, r.seed(), r.finalTestAccuracy(), r.epochs().size(), r.trainingSeconds());
    } else {
      out.printf(
          "%-12s seed %d: FAILED in epoch %s: %s%n", route, r.seed(), r.failedEpoch(), r.failure());
    }
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
