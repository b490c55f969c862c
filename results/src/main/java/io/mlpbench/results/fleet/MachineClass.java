package io.mlpbench.results.fleet;

import io.mlpbench.results.env.EnvironmentCapture;
import io.mlpbench.results.env.HardwareClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The machine part of a {@link HardwareClass} (CPU model, cores, ISA flags): what a cell is planned
 * for before the JDK and thread count are added. Written as the first three fields of {@link
 * HardwareClass#key()}, e.g. {@code Intel(R) Xeon(R) CPU @ 2.20GHz|2c|sse4_2,avx,avx2,fma}.
 */
public record MachineClass(String cpuModel, int cores, List<String> isaFlags) {

  public MachineClass {
    isaFlags = List.copyOf(isaFlags);
  }

  /** This machine, read the way every run record's environment is. */
  public static MachineClass current() {
    HardwareClass h =
        HardwareClass.of(EnvironmentCapture.capture(Path.of("."), List.of(), List.of(), 1, ""));
    return new MachineClass(h.cpuModel(), h.cores(), h.isaFlags());
  }

  /**
   * Parses {@link #key()}; the CPU model may itself contain '|', so the fields are taken from the
   * right.
   */
  public static MachineClass parse(String key) {
    int isaBar = key.lastIndexOf('|');
    int coresBar = isaBar < 0 ? -1 : key.lastIndexOf('|', isaBar - 1);
    String cores = coresBar < 0 ? "" : key.substring(coresBar + 1, isaBar);
    if (coresBar <= 0 || !cores.matches("[1-9][0-9]*c")) {
      throw new IllegalArgumentException(
          "expected a machine class like 'Intel(R) Xeon(R) CPU @ 2.20GHz|2c|avx,avx2,fma'"
              + " (`worker --print-class` shows this machine's), found '"
              + key
              + "'");
    }
    String isa = key.substring(isaBar + 1);
    List<String> flags =
        isa.isBlank() ? List.of() : Arrays.stream(isa.split(",")).map(String::trim).toList();
    return new MachineClass(
        key.substring(0, coresBar),
        Integer.parseInt(cores.substring(0, cores.length() - 1)),
        flags);
  }

  public String key() {
    return cpuModel + "|" + cores + "c|" + String.join(",", isaFlags);
  }

  /**
   * The full hardware class of a cell on this machine. The JDK field is the feature release ("17"),
   * since cells are planned per JDK release; runs keep the exact build.
   */
  public HardwareClass withJvm(int jdk, int threads) {
    return new HardwareClass(cpuModel, cores, isaFlags, String.valueOf(jdk), threads);
  }

  /**
   * The keys of every cell this machine can run on {@code jdk}: any thread count up to its cores.
   */
  public Set<String> claimableKeys(int jdk) {
    List<String> keys = new ArrayList<>();
    for (int t = 1; t <= cores; t++) {
      keys.add(withJvm(jdk, t).key());
    }
    return new LinkedHashSet<>(keys);
  }

  @Override
  public String toString() {
    return key();
  }
}
