package io.mlpbench.results.compare;

import io.mlpbench.results.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparisons of one {@code compare} (baseline, recent history), rendered for the console, for
 * {@code report.md} and for {@code report.html}.
 *
 * @param problems history records that could not be read, reported rather than failing
 */
public record CompareReport(List<Comparison> comparisons, List<String> problems) {
  public CompareReport {
    comparisons = List.copyOf(comparisons);
    problems = List.copyOf(problems);
  }

  public boolean hasRegression() {
    return comparisons.stream().anyMatch(Comparison::hasRegression);
  }

  /**
   * Whether anything could be compared: some row of some comparison reached a verdict. False when
   * every row is inconclusive (not comparable, too few forks or seeds, machine busy) or there are
   * no rows, so "no regression" would be a claim nobody checked.
   */
  public boolean hasVerdict() {
    return comparisons.stream().anyMatch(Comparison::hasVerdict);
  }

  private static final String[] HEADER = {
    "route", "metric", "baseline", "now", "change", "verdict"
  };

  /** Plain-text tables, one per comparison, with the details below each row. */
  public String console() {
    StringBuilder out = new StringBuilder();
    for (Comparison c : comparisons) {
      out.append(c.title())
          .append(": run ")
          .append(c.runId())
          .append(" vs ")
          .append(c.reference())
          .append('\n');
      if (c.rows().isEmpty()) {
        c.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
        out.append('\n');
        continue;
      }
      List<String[]> lines = new ArrayList<>();
      lines.add(header(c));
      for (ComparisonRow r : c.rows()) {
        lines.add(cells(r));
      }
      int[] width = new int[HEADER.length];
      for (String[] l : lines) {
        for (int i = 0; i < l.length; i++) {
          width[i] = Math.max(width[i], l[i].length());
        }
      }
      for (int li = 0; li < lines.size(); li++) {
        String[] l = lines.get(li);
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < l.length; i++) {
          boolean number = i >= 2 && i <= 4;
          line.append(number ? pad(l[i], width[i], true) : pad(l[i], width[i], false)).append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
        if (li > 0 && !c.rows().get(li - 1).detail().isEmpty()) {
          out.append("      ").append(c.rows().get(li - 1).detail()).append('\n');
        }
      }
      c.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
      out.append('\n');
    }
    problems.forEach(p -> out.append("unreadable history record: ").append(p).append('\n'));
    out.append(
        hasRegression()
            ? "REGRESSION detected\n"
            : hasVerdict()
                ? "no regression\n"
                : "NOTHING COMPARABLE: no row reached a verdict (see the reasons above)\n");
    return out.toString();
  }

  /** A markdown section ("## Regression check") ready to append to report.md. */
  public String markdown() {
    StringBuilder md = new StringBuilder("## Regression check\n\n");
    for (Comparison c : comparisons) {
      md.append("### ")
          .append(c.title())
          .append("\n\nRun `")
          .append(c.runId())
          .append("` vs ")
          .append(c.reference())
          .append(".\n\n");
      if (!c.rows().isEmpty()) {
        md.append("| ").append(String.join(" | ", header(c))).append(" | detail |\n");
        md.append("|---|---|---:|---:|---:|---|---|\n");
      }
      for (ComparisonRow r : c.rows()) {
        String[] cells = cells(r);
        md.append("| ")
            .append(escape(cells[0]))
            .append(" | ")
            .append(escape(cells[1]))
            .append(" | ")
            .append(cells[2])
            .append(" | ")
            .append(cells[3])
            .append(" | ")
            .append(cells[4])
            .append(" | ")
            .append(r.verdict() == Verdict.REGRESSION ? "**regression**" : cells[5])
            .append(" | ")
            .append(escape(r.detail()))
            .append(" |\n");
      }
      if (!c.notes().isEmpty()) {
        md.append('\n');
        c.notes().forEach(n -> md.append("- ").append(escape(n)).append('\n'));
      }
      md.append('\n');
    }
    if (!problems.isEmpty()) {
      md.append("Unreadable history records (ignored):\n\n");
      problems.forEach(p -> md.append("- ").append(escape(p)).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  /**
   * The comparisons as the report's tables (report.md and report.html render them like their own).
   */
  public List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < comparisons.size(); i++) {
      Comparison c = comparisons.get(i);
      List<List<String>> rows = new ArrayList<>();
      for (ComparisonRow r : c.rows()) {
        List<String> row = new ArrayList<>(List.of(cells(r)));
        if (r.verdict() == Verdict.REGRESSION) {
          row.set(5, "**regression**");
        }
        row.add(r.detail());
        rows.add(row);
      }
      List<String> notes = new ArrayList<>();
      notes.add("Run `" + c.runId() + "` vs " + c.reference() + ".");
      notes.addAll(c.notes());
      if (i == comparisons.size() - 1 && !problems.isEmpty()) {
        notes.add("Unreadable history records (ignored): " + String.join("; ", problems));
      }
      List<String> headers = new ArrayList<>(List.of(header(c)));
      headers.add("detail");
      tables.add(
          new Table(
              "Regression check: " + c.title().toLowerCase(Locale.ROOT), headers, rows, notes));
    }
    return tables;
  }

  /** The same tables as an HTML fragment (a {@code <section>}) for report.html. */
  public String html() {
    StringBuilder h =
        new StringBuilder("<section id=\"regression-check\">\n<h2>Regression check</h2>\n");
    for (Comparison c : comparisons) {
      h.append("<h3>")
          .append(html(c.title()))
          .append("</h3>\n<p>Run <code>")
          .append(html(c.runId()))
          .append("</code> vs ")
          .append(html(c.reference()))
          .append(".</p>\n<table>\n<tr>");
      for (String head : header(c)) {
        h.append("<th>").append(head).append("</th>");
      }
      h.append("<th>detail</th></tr>\n");
      for (ComparisonRow r : c.rows()) {
        String[] cells = cells(r);
        h.append("<tr class=\"")
            .append(r.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .append("\">");
        for (String cell : cells) {
          h.append("<td>").append(html(cell)).append("</td>");
        }
        h.append("<td>").append(html(r.detail())).append("</td></tr>\n");
      }
      h.append("</table>\n");
      c.notes().forEach(n -> h.append("<p>").append(html(n)).append("</p>\n"));
    }
    problems.forEach(
        p -> h.append("<p>Unreadable history record: ").append(html(p)).append("</p>\n"));
    return h.append("</section>\n").toString();
  }

  /** The reference column is "baseline" against the baseline, "reference" against recent runs. */
  private static String[] header(Comparison c) {
    String[] h = HEADER.clone();
    h[2] = c.reference().startsWith("baseline") ? "baseline" : "reference";
    return h;
  }

  static String[] cells(ComparisonRow r) {
    return new String[] {
      r.route(),
      r.metric(),
      value(r.reference(), r.valueUnit()),
      value(r.now(), r.valueUnit()),
      change(r.change(), r.changeUnit()),
      r.verdict().label()
    };
  }

  private static String value(Double v, String unit) {
    if (v == null) {
      return "-";
    }
    if ("accuracy".equals(unit)) {
      return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.3g", v);
  }

  private static String change(Double c, String unit) {
    if (c == null) {
      return "-";
    }
    return "pp".equals(unit)
        ? String.format(Locale.ROOT, "%+.2f pp", c)
        : String.format(Locale.ROOT, "%+.1f%%", c);
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }

  private static String html(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
