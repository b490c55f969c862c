package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TheoreticalPeakTest {

  private static List<String> cpuinfo(String flags, String... coreIds) {
    List<String> lines = new java.util.ArrayList<>();
    for (String core : coreIds) {
      lines.addAll(
          List.of(
              "processor\t: " + lines.size(),
              "model name\t: Test CPU",
              "cpu MHz\t\t: 2300.000",
              "physical id\t: 0",
              "core id\t\t: " + core,
              "flags\t\t: fpu sse2 " + flags,
              ""));
    }
    return lines;
  }

  @Test
  void avx512MachineIsCoresTimesTwoFmaUnitsTimesSixteenLanesTimesTwoTimesClock() {
    TheoreticalPeak peak =
        TheoreticalPeak.parse(cpuinfo("avx2 fma avx512f", "0", "1")).orElseThrow();
    // 2 cores x 2 FMA units x 16 lanes x 2 FLOPs x 2.3 GHz = 294.4 GFLOP/s
    assertThat(peak.gflops(2)).isCloseTo(294.4, within(1e-9));
    assertThat(peak.gflops(1)).isCloseTo(147.2, within(1e-9));
    assertThat(peak.formula(2)).contains("2 FMA units (assumed)").contains("avx512f");
  }

  @Test
  void hyperthreadsOfOneCoreShareItsUnits() {
    // two logical processors on core 0: one core's peak, however many threads
    TheoreticalPeak peak = TheoreticalPeak.parse(cpuinfo("avx2 fma", "0", "0")).orElseThrow();
    assertThat(peak.physicalCores()).isEqualTo(1);
    assertThat(peak.gflops(2)).isCloseTo(2 * 8 * 2 * 2.3, within(1e-9));
  }

  @Test
  void noPeakWithoutAVectorFmaIsa() {
    assertThat(TheoreticalPeak.parse(cpuinfo("sse4_2", "0"))).isEmpty();
    assertThat(TheoreticalPeak.parse(List.of("processor : 0"))).isEmpty();
  }
}
