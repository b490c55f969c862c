package io.mlpbench.results.ab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpbench.results.model.RunRecordJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** An A/B outcome for the console and as {@code ab-<stamp>.json} (raw forks included). */
public final class AbReport {
  private AbReport() {}

  public static String console(AbSession.Outcome o) {
    StringBuilder s = new StringBuilder("\n");
    s.append(
        String.format(
            Locale.ROOT,
            "A = %s (%s): %d forks%s%nB = %s (%s): %d forks%s%n",
            o.a().label(),
            o.a().route(),
            o.forksA().size(),
            o.a().measured() ? "" : " recorded earlier, not interleaved",
            o.b().label(),
            o.b().route(),
            o.forksB().size(),
            o.b().measured() ? "" : " recorded earlier, not interleaved"));
    s.append(
        String.format(
            Locale.ROOT,
            "B vs A: %+.1f%% -> %s%n  %s%n",
            o.verdict().changePercent(),
            o.verdict().verdict().label(),
            o.verdict().detail()));
    s.append(
        String.format(
            Locale.ROOT, "order: %s; %.0f s%n", String.join(" ", o.order()), o.seconds()));
    o.failures().forEach(f -> s.append("failed fork: ").append(f).append('\n'));
    return s.toString();
  }

  /** Writes atomically (temp file, then move), so a failed write leaves nothing half-written. */
  public static Path write(AbSession.Outcome o, Path dir, String stamp) throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = RunRecordJson.mapper().createObjectNode();
    root.put("kind", "ab");
    root.put("started", o.started().toString());
    root.put("seconds", o.seconds());
    root.set("a", RunRecordJson.mapper().valueToTree(o.a()));
    root.set("b", RunRecordJson.mapper().valueToTree(o.b()));
    root.set("forksA", RunRecordJson.mapper().valueToTree(o.forksA()));
    root.set("forksB", RunRecordJson.mapper().valueToTree(o.forksB()));
    root.set("order", RunRecordJson.mapper().valueToTree(o.order()));
    root.set("failures", RunRecordJson.mapper().valueToTree(o.failures()));
    ObjectNode v = root.putObject("verdict");
    v.put("verdict", o.verdict().verdict().name());
    v.put("label", o.verdict().verdict().label());
    v.put("changePercent", o.verdict().changePercent());
    v.put("reference", o.verdict().reference());
    v.put("now", o.verdict().now());
    v.put("detail", o.verdict().detail());
    Path file = dir.resolve("ab-" + stamp + ".json");
    Path tmp = dir.resolve("ab-" + stamp + ".json.tmp");
    RunRecordJson.mapper().writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}
