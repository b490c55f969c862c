package io.mlpbench.results.report;

import static io.mlpbench.results.report.ReportFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.AccuracyResult;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  static final double[] LOSS = {0.25, 0.10, 0.06};
  static final double[] ACC = {0.960, 0.971, 0.976};

  @Test
  void routesIdenticalAtEveryEpochOfEverySeedAreNamed() {
    List<AccuracyResult> runs =
        List.of(
            seed("dl4j-fit", "DL4J", "fit", 42, LOSS, ACC),
            seed("dl4j-loop", "DL4J", "loop", 42, LOSS.clone(), ACC.clone()),
            // one loss differs in the 6th digit: a real difference, not a decimal round trip
            seed("manual", "plain Java", "manual", 42, new double[] {0.25, 0.100001, 0.06}, ACC));
    assertThat(Charts.identicalRoutes(runs)).containsExactly(List.of("dl4j-fit", "dl4j-loop"));
    assertThat(Charts.identicalCaption(runs)).contains("dl4j-fit = dl4j-loop");
  }

  @Test
  void differentSeedSetsAreNeverIdentical() {
    List<AccuracyResult> runs =
        List.of(
            seed("dl4j-fit", "DL4J", "fit", 42, LOSS, ACC),
            seed("dl4j-loop", "DL4J", "loop", 43, LOSS, ACC));
    assertThat(Charts.identicalRoutes(runs)).isEmpty();
    assertThat(Charts.identicalCaption(runs)).isEmpty();
  }

  @Test
  void routesOfOneFrameworkShareAColourAndDifferInLineStyle() {
    assertThat(RouteStyle.colour("DL4J")).isEqualTo(RouteStyle.colour("DL4J 1.0.0-M2.1"));
    assertThat(RouteStyle.colour("DJL")).isNotEqualTo(RouteStyle.colour("DL4J"));
    assertThat(RouteStyle.colour("TensorFlow Java")).isNotEqualTo(RouteStyle.colour("DJL"));
    assertThat(RouteStyle.colour("plain Java")).isEqualTo(new Color(0x333333));
    assertThat(RouteStyle.stroke("fit")).isNotEqualTo(RouteStyle.stroke("loop"));
    assertThat(RouteStyle.stroke("loop")).isNotEqualTo(RouteStyle.stroke("manual"));
  }

  /** A run with timing only names no framework, so charts colour it by route id. */
  @Test
  void aRouteIdGetsItsFrameworksColour() {
    assertThat(RouteStyle.colour("tf-tape")).isEqualTo(RouteStyle.colour("TensorFlow Java"));
    assertThat(RouteStyle.colour("tf-minimize")).isEqualTo(RouteStyle.colour("TensorFlow Java"));
    assertThat(RouteStyle.colour("djl-loop")).isEqualTo(RouteStyle.colour("DJL"));
    assertThat(RouteStyle.colour("dl4j-fit")).isEqualTo(RouteStyle.colour("DL4J"));
    assertThat(RouteStyle.colour("manual")).isEqualTo(RouteStyle.colour("plain Java"));
  }
}
