package io.mlpbench.results.report;

import java.util.Base64;
import java.util.List;

/**
 * {@code report.html}: one self-contained file (charts embedded as base64 PNG data URIs, CSS
 * inline), so it opens offline and can be mailed or archived as is. Links to the raw data are
 * relative to the report's directory; no text carries an absolute local path ({@link LocalPaths}).
 */
public final class HtmlReport {
  /**
   * A chart to embed.
   *
   * @param alt the image's alt text: what the chart shows, for readers who cannot see it
   * @param caption shown under the chart (what the bars mean, identical routes), may be empty
   */
  public record Chart(String title, String alt, String caption, byte[] png) {}

  /** A raw-data file beside the report, linked relatively. */
  public record Link(String file, String description) {}

  /** A titled group of charts and tables after the main results (trends, release matrix). */
  public record Section(String title, String intro, List<Chart> charts, List<Table> tables) {}

  private HtmlReport() {}

  /**
   * @param headlineCharts follow the headline table (speed vs accuracy, throughput)
   * @param curveCharts follow the failures and the regression check (loss and accuracy curves)
   */
  public static String render(
      ReportModel model,
      List<Table> extra,
      List<Chart> headlineCharts,
      List<Chart> curveCharts,
      List<Link> rawData,
      List<Section> sections) {
    StringBuilder h = new StringBuilder();
    h.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mlp-bench report</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;max-width:1400px}")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
        .append(
            "th{background:#f0f0f0}tr.reference td{font-style:italic;color:#555}p.note{color:#444;font-size:90%}")
        .append(
            "td.regression{background:#fde0dc}td.improvement{background:#e3f4e1}nav.raw{font-size:90%}")
        .append(
            "figure{margin:1em 0}figcaption{color:#444;font-size:90%;max-width:900px}img{max-width:100%;border:1px solid #eee}</style></head><body>\n")
        .append("<h1>mlp-bench report</h1>\n");
    h.append("<nav class=\"raw\">Raw data: ");
    for (int i = 0; i < rawData.size(); i++) {
      Link l = rawData.get(i);
      h.append(i == 0 ? "" : " · ")
          .append("<a href=\"")
          .append(escape(l.file()))
          .append("\">")
          .append(escape(l.file()))
          .append("</a> (")
          .append(escape(l.description()))
          .append(")");
    }
    h.append("</nav>\n");
    List<Table> tables = MarkdownReport.sections(model, extra);
    h.append(table(tables.get(0)));
    headlineCharts.forEach(c -> h.append(chart(c, "h2")));
    // failures and the regression check (the extra sections) come right after the headline
    int detailsAt = 2 + extra.size();
    for (Table t : tables.subList(1, detailsAt)) {
      h.append(table(t));
    }
    curveCharts.forEach(c -> h.append(chart(c, "h2")));
    for (Section s : sections) {
      h.append("<h2>").append(escape(s.title())).append("</h2>\n");
      if (!s.intro().isEmpty()) {
        h.append("<p class=\"note\">").append(escape(s.intro())).append("</p>\n");
      }
      s.charts().forEach(c -> h.append(chart(c, "h3")));
      s.tables().forEach(t -> h.append(table(t, "h3")));
    }
    for (Table t : tables.subList(detailsAt, tables.size())) {
      h.append(table(t));
    }
    return h.append("</body></html>\n").toString();
  }

  static String chart(Chart c, String heading) {
    StringBuilder h = new StringBuilder();
    h.append('<')
        .append(heading)
        .append('>')
        .append(escape(c.title()))
        .append("</")
        .append(heading)
        .append(">\n<figure><img alt=\"")
        .append(escape(c.alt()))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(c.png()))
        .append("\">");
    if (!c.caption().isBlank()) {
      h.append("<figcaption>").append(escape(c.caption())).append("</figcaption>");
    }
    return h.append("</figure>\n").toString();
  }

  static String table(Table t) {
    return table(t, "h2");
  }

  static String table(Table t, String heading) {
    StringBuilder h = new StringBuilder("<").append(heading).append(">");
    h.append(escape(t.title())).append("</").append(heading).append(">\n");
    if (!t.rows().isEmpty()) {
      h.append("<table><tr>");
      t.headers().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
      h.append("</tr>\n");
      for (List<String> row : t.rows()) {
        boolean reference = row.stream().anyMatch(c -> c.startsWith("*reference"));
        h.append(reference ? "<tr class=\"reference\">" : "<tr>");
        for (String c : row) {
          String cls =
              c.startsWith("regression") || c.contains("▼ regression")
                  ? " class=\"regression\""
                  : c.startsWith("improvement") ? " class=\"improvement\"" : "";
          h.append("<td")
              .append(cls)
              .append('>')
              .append(escape(c.replace("*", "")))
              .append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    t.notes().forEach(n -> h.append("<p class=\"note\">").append(escape(n)).append("</p>\n"));
    return h.toString();
  }

  /** HTML-escaped, with absolute local paths removed ({@link LocalPaths#scrub}). */
  static String escape(String s) {
    return LocalPaths.scrub(s)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
