package io.mlpbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} in a real browser: Debian's headless chromium loads a copy of the report with
 * two probe scripts added (one first in the head recording every error event and console.error, one
 * on load writing each image's decoded size and alt text into the DOM), and {@code --dump-dom}
 * prints the result. No driver or protocol library needed. Skipped when chromium is not installed
 * ({@code apt-get install -y chromium}).
 */
class HtmlInBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  @Test
  void reportRendersWithoutErrorsAndEveryChartHasSizeAndAltText() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium not installed (apt-get install -y chromium)");
    Path latest = dir.resolve("latest");
    RunRecordPair runs = RunRecordPair.trend();
    ReportWriter.write(
        latest,
        ReportWriterTest.record(),
        ReportWriterTest.jmh(),
        List.of(),
        List.of(Trends.of(List.of(runs.before()), runs.now()).section()));
    Probe probe = render(latest.resolve("report.html"));

    assertThat(probe.errors()).as("errors and console.error while loading").isEmpty();
    // speed vs accuracy, throughput, loss, relative loss, accuracy, and the two trend charts
    assertThat(probe.images()).hasSize(7);
    for (JsonNode image : probe.images()) {
      assertThat(image.get("w").asInt()).as("decoded width of %s", image).isPositive();
      assertThat(image.get("h").asInt()).as("decoded height of %s", image).isPositive();
      assertThat(image.get("alt").asText()).as("alt text").isNotBlank();
    }
  }

  @Test
  void theProbeSeesABrokenImageAndAScriptError() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium not installed (apt-get install -y chromium)");
    // the check must be able to fail: a corrupt PNG, an image without alt text and a throwing
    // script
    Path broken = dir.resolve("broken.html");
    Files.writeString(
        broken,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>"
            + "<img alt=\"corrupt\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA\">"
            + "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"
            + "<script>undefinedFunction();</script></body></html>");
    Probe probe = render(broken);
    assertThat(probe.errors()).anySatisfy(e -> assertThat(e).contains("undefinedFunction"));
    assertThat(probe.images()).hasSize(2);
    assertThat(probe.images().get(0).get("w").asInt()).isZero();
    assertThat(probe.images().get(1).get("alt").isNull()).isTrue();
  }

  /** What the page reported about itself. */
  record Probe(List<JsonNode> images, List<String> errors) {}

  static final String ERRORS_FIRST =
      "<script>window.__errors=[];window.addEventListener('error',function(e){"
          + "window.__errors.push(e.message?('error: '+e.message):('resource failed: '"
          + "+String(e.target&&(e.target.src||e.target.href)).slice(0,80)));},true);"
          + "var __ce=console.error;console.error=function(){"
          + "window.__errors.push('console.error: '+Array.prototype.join.call(arguments,' '));"
          + "__ce.apply(console,arguments);};</script>";

  static final String MEASURE_ON_LOAD =
      "<script>window.addEventListener('load',function(){var out=[];"
          + "document.querySelectorAll('img').forEach(function(i){out.push({alt:i.getAttribute('alt'),"
          + "w:i.naturalWidth,h:i.naturalHeight});});var p=document.createElement('pre');"
          + "p.id='mlpbench-probe';p.textContent=JSON.stringify({images:out,errors:window.__errors});"
          + "document.body.appendChild(p);});</script>";

  static Probe render(Path html) throws IOException, InterruptedException {
    String page = Files.readString(html);
    int head = page.indexOf("<head>");
    int end = page.lastIndexOf("</body>");
    assertThat(head).as("<head> in %s", html).isNotNegative();
    assertThat(end).as("</body> in %s", html).isNotNegative();
    String probed =
        page.substring(0, head + 6)
            + ERRORS_FIRST
            + page.substring(head + 6, end)
            + MEASURE_ON_LOAD
            + page.substring(end);
    Path copy = html.resolveSibling("probe-" + html.getFileName());
    Files.writeString(copy, probed);
    Path profile = Files.createTempDirectory(html.getParent(), "chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                // lets the load event and the probe run before the DOM is dumped
                "--virtual-time-budget=10000",
                "--dump-dom",
                copy.toUri().toString()));
    Path stderr = html.resolveSibling("chromium-stderr.txt");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s");
    }
    String dom = new String(out, StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("<pre id=\"mlpbench-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
    if (!m.find()) {
      throw new AssertionError(
          "no probe output in chromium's DOM (exit "
              + p.exitValue()
              + "); stderr:\n"
              + Files.readString(stderr));
    }
    String json =
        m.group(1)
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
    JsonNode node = new ObjectMapper().readTree(json);
    List<JsonNode> images = new ArrayList<>();
    node.get("images").forEach(images::add);
    List<String> errors = new ArrayList<>();
    node.get("errors").forEach(e -> errors.add(e.asText()));
    return new Probe(images, errors);
  }

  /** Two comparable runs, so the report has a trends section with its charts. */
  record RunRecordPair(
      io.mlpbench.results.model.RunRecord before, io.mlpbench.results.model.RunRecord now) {
    static RunRecordPair trend() {
      return new RunRecordPair(
          TrendsTest.at("b1", 0, "CPU", "aaaaaaa", 1000),
          TrendsTest.at("b2", 10, "CPU", "bbbbbbb", 990));
    }
  }
}
