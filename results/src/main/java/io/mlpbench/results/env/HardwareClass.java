package io.mlpbench.results.env;

import io.mlpbench.results.model.EnvironmentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The comparability key: two measurements may be compared when they come from the same hardware
 * class. Hostname, kernel, OS string and memory bytes are recorded with a run but are not part of
 * the key, so two fresh CI machines of the same kind compare (they differ only in those).
 *
 * @param cpuModel the CPU model string from /proc/cpuinfo
 * @param cores logical cores the JVM sees
 * @param isaFlags the vector/FMA ISA extensions present, from {@link #ISA_FLAGS}, in that order
 * @param jdk JVM vendor and version, e.g. "Eclipse Adoptium 25.0.1+8"
 * @param threads the thread count every route was given
 */
public record HardwareClass(
    String cpuModel, int cores, List<String> isaFlags, String jdk, int threads) {

  /** The ISA extensions that change which kernels a library can use (the rest is noise). */
  public static final List<String> ISA_FLAGS =
      List.of(
          "sse4_2",
          "avx",
          "avx2",
          "fma",
          "avx512f",
          "avx512bw",
          "avx512vl",
          "avx512_vnni",
          "avx512_bf16",
          "amx_tile",
          "amx_bf16");

  public HardwareClass {
    isaFlags = List.copyOf(isaFlags);
  }

  /** The hardware class of a recorded environment. */
  public static HardwareClass of(EnvironmentRecord e) {
    return new HardwareClass(
        e.cpuModel(), e.cores(), isaSubset(e.cpuFlags()), e.measuredJdk(), e.threads());
  }

  /** The flags of {@link #ISA_FLAGS} present in {@code cpuFlags}, in the order of ISA_FLAGS. */
  public static List<String> isaSubset(List<String> cpuFlags) {
    List<String> have = new ArrayList<>();
    if (cpuFlags == null) {
      return have;
    }
    List<String> lower = cpuFlags.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
    for (String flag : ISA_FLAGS) {
      if (lower.contains(flag)) {
        have.add(flag);
      }
    }
    return have;
  }

  /** A stable one-line key, usable as a database column or a file name component. */
  public String key() {
    return cpuModel
        + "|"
        + cores
        + "c|"
        + String.join(",", isaFlags)
        + "|"
        + jdk
        + "|"
        + threads
        + "t";
  }

  /** Why {@code other} is a different hardware class, or null when it is the same one. */
  public String mismatch(HardwareClass other) {
    List<String> reasons = new ArrayList<>();
    differ(reasons, "CPU model", cpuModel, other.cpuModel);
    differ(reasons, "cores", cores, other.cores);
    differ(reasons, "ISA flags", isaFlags, other.isaFlags);
    differ(reasons, "JDK", jdk, other.jdk);
    differ(reasons, "threads", threads, other.threads);
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  private static void differ(List<String> reasons, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      reasons.add(what + " '" + a + "' vs '" + b + "'");
    }
  }
}
