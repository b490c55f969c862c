package io.mlpbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The hardware's FP32 peak as the data sheet would derive it: physical cores x FMA units per core x
 * FP32 vector lanes x 2 (an FMA is a multiply and an add) x clock. Shown beside the measured GEMM
 * peak (the denominator of "% of peak"), never instead of it: it rests on assumptions that {@code
 * /proc/cpuinfo} cannot confirm.
 *
 * @param physicalCores distinct (physical id, core id) pairs: hyperthreads share their FMA units
 * @param lanes FP32 lanes of the widest vector ISA: 16 with avx512f, 8 with avx2 + fma
 * @param isa the flag the lanes come from
 * @param gigahertz "cpu MHz" of /proc/cpuinfo (the clock when read: base or current, not turbo)
 */
public record TheoreticalPeak(int physicalCores, int lanes, String isa, double gigahertz) {

  /**
   * FMA units per core: 2, an assumption, not read from the CPU. True for Intel server cores with
   * two 512-bit FMA ports (Skylake-SP Gold/Platinum and later) and for AVX2 on Haswell and later
   * and on AMD Zen 2+. Some CPUs have one 512-bit port (Xeon Bronze/Silver, several client parts)
   * and AMD Zen 4 executes AVX-512 as two 256-bit halves: there the real peak is half of this.
   */
  public static final int FMA_UNITS_PER_CORE = 2;

  /** The peak at {@code threads} threads: at most one core's FMA units per thread. */
  public double gflops(int threads) {
    return Math.min(threads, physicalCores) * perCoreGflops();
  }

  private double perCoreGflops() {
    return FMA_UNITS_PER_CORE * lanes * 2 * gigahertz;
  }

  /** The formula with this machine's numbers, for tables and the meta file. */
  public String formula(int threads) {
    return String.format(
        Locale.ROOT,
        "%d core(s) x %d FMA units (assumed) x %d FP32 lanes (%s) x 2 x %.2f GHz (cpu MHz)",
        Math.min(threads, physicalCores),
        FMA_UNITS_PER_CORE,
        lanes,
        isa,
        gigahertz);
  }

  /** This machine's peak, when {@code /proc/cpuinfo} exists and names a vector FMA ISA. */
  public static Optional<TheoreticalPeak> ofThisMachine() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux, or unreadable: no derivable peak
    }
  }

  /** Parses the lines of a {@code /proc/cpuinfo}; empty when no clock or no FMA ISA is listed. */
  static Optional<TheoreticalPeak> parse(List<String> cpuinfo) {
    Set<String> cores = new HashSet<>();
    String physical = "0";
    double mhz = Double.NaN;
    Set<String> flags = Set.of();
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "physical id" -> physical = value;
        case "core id" -> cores.add(physical + "/" + value);
        case "cpu MHz" -> mhz = Double.isNaN(mhz) ? Double.parseDouble(value) : mhz;
        case "flags" -> flags = Set.of(value.split("\\s+"));
        default -> {}
      }
    }
    if (cores.isEmpty() || !(mhz > 0)) {
      return Optional.empty();
    }
    if (flags.contains("avx512f")) {
      return Optional.of(new TheoreticalPeak(cores.size(), 16, "avx512f", mhz / 1000));
    }
    if (flags.contains("avx2") && flags.contains("fma")) {
      return Optional.of(new TheoreticalPeak(cores.size(), 8, "avx2+fma", mhz / 1000));
    }
    return Optional.empty();
  }
}
