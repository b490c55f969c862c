package io.mlpbench.results.report;

import java.util.Base64;
import java.util.List;

/**
 * {@code report.html}: one self-contained file (charts embedded as base64 PNG data URIs, CSS
 * inline), so it opens offline and can be mailed or archived as is.
 */
public final class HtmlReport {
  /** A chart to embed: title and PNG bytes. */
  public record Chart(String title, byte[] png) {}

  private HtmlReport() {}

  public static String render(ReportModel model, List<Table> extra, List<Chart> charts) {
    StringBuilder h = new StringBuilder();
    h.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mlp-bench report</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;max-width:1400px}")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
        .append(
            "th{background:#f0f0f0}tr.reference td{font-style:italic;color:#555}p.note{color:#444;font-size:90%}")
        .append("img{max-width:100%;border:1px solid #eee}</style></head><body>\n")
        .append("<h1>mlp-bench report</h1>\n");
    List<Table> sections = MarkdownReport.sections(model, extra);
    h.append(table(sections.get(0)));
    for (Chart c : charts) {
      h.append("<h2>")
          .append(escape(c.title()))
          .append("</h2>\n<img alt=\"")
          .append(escape(c.title()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(c.png()))
          .append("\">\n");
    }
    for (Table t : sections.subList(1, sections.size())) {
      h.append(table(t));
    }
    return h.append("</body></html>\n").toString();
  }

  static String table(Table t) {
    StringBuilder h = new StringBuilder("<h2>").append(escape(t.title())).append("</h2>\n");
    if (!t.rows().isEmpty()) {
      h.append("<table><tr>");
      t.headers().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
      h.append("</tr>\n");
      for (List<String> row : t.rows()) {
        boolean reference = row.get(0).startsWith("*reference");
        h.append(reference ? "<tr class=\"reference\">" : "<tr>");
        row.forEach(c -> h.append("<td>").append(escape(c.replace("*", ""))).append("</td>"));
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    t.notes().forEach(n -> h.append("<p class=\"note\">").append(escape(n)).append("</p>\n"));
    return h.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
