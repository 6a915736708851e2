// The human report: one section per split, then overlap and warnings, rendered from the
// same JSON object that --json prints, so the two never disagree.
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "stats/stats.h"

namespace trajc::stats {

namespace {

std::string Fixed(double x, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
  return buffer;
}

std::string Percent(double share) { return Fixed(share * 100.0, 1) + "%"; }

std::string Num(const Json& v) {
  if (v.is_null()) return "-";
  if (v.is_number_float()) return Fixed(v.get<double>(), 2);
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// Aligned columns, two spaces between: the first left-aligned, the others right-aligned
// (numbers) unless `left` (a key/value list).
class Table {
 public:
  explicit Table(std::vector<std::string> header, bool left = false) : left_(left) { rows_.push_back(std::move(header)); }
  void Row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  bool empty() const { return rows_.size() == 1; }
  void Print(std::ostream& out, const std::string& indent) const {
    std::vector<size_t> width;
    for (const auto& row : rows_)
      for (size_t i = 0; i < row.size(); ++i) {
        if (width.size() <= i) width.push_back(0);
        width[i] = std::max(width[i], row[i].size());
      }
    for (const auto& row : rows_) {
      std::string line = indent;
      for (size_t i = 0; i < row.size(); ++i) {
        std::string pad(width[i] - row[i].size(), ' ');
        if (i == 0) line += row[i] + (row.size() > 1 ? pad : "");
        else if (left_) line += "  " + row[i] + (i + 1 < row.size() ? pad : "");
        else line += "  " + pad + row[i];
      }
      out << line << "\n";
    }
  }

 private:
  bool left_;
  std::vector<std::vector<std::string>> rows_;
};

std::string SummaryText(const Json& s) {
  return "min " + Num(s["min"]) + "  median " + Num(s["median"]) + "  mean " + Num(s["mean"]) + "  p90 " + Num(s["p90"]) +
         "  max " + Num(s["max"]);
}

std::string PairsText(const Json& pairs, const char* other) {
  std::string text;
  for (const Json& p : pairs) {
    text += text.empty() ? "  e.g. " : ", ";
    text += p[other].get<std::string>() + " = " + p["first"].get<std::string>();
    if (p.contains("similarity")) text += " (" + Fixed(p["similarity"].get<double>(), 2) + ")";
  }
  return text;
}

void CountsTable(std::ostream& out, const char* what, const Json& counts, uint64_t examples, bool shares) {
  if (counts.empty()) return;
  Table t = shares ? Table({what, "examples", "share"}) : Table({what, "count"});
  for (const auto& [key, n] : counts.items()) {
    if (shares) {
      double share = examples == 0 ? 0.0 : static_cast<double>(n.get<uint64_t>()) / static_cast<double>(examples);
      t.Row({key, n.dump(), Percent(share)});
    } else {
      t.Row({key, n.dump()});
    }
  }
  out << "\n";
  t.Print(out, "  ");
}

void Split(std::ostream& out, const std::string& name, const Json& s) {
  uint64_t examples = s["examples"].get<uint64_t>();
  std::string files;
  for (const Json& f : s["files"]) files += (files.empty() ? "" : ", ") + f.get<std::string>();
  out << "\n" << name << ": " << examples << " examples (" << files << ")\n";
  const Json& tokens = s["tokens_estimate"];
  const Json& cov = s["coverage"];
  Table t({"", ""}, true);
  t.Row({"messages per example", examples == 0 ? "-" : SummaryText(s["messages_per_example"])});
  t.Row({"tool calls per example", examples == 0 ? "-" : SummaryText(s["tool_calls_per_example"])});
  t.Row({"tokens (estimate, chars/4)", Num(tokens["total"]) + " in all, " + Fixed(tokens["per_example"].get<double>(), 1) +
                                           " per example"});
  std::string roles;
  for (const auto& [role, n] : s["roles"].items()) roles += (roles.empty() ? "" : ", ") + role + " " + n.dump();
  t.Row({"roles", roles.empty() ? "-" : roles});
  if (s["records_with_tools"].get<uint64_t>() > 0) t.Row({"records with tools", Num(s["records_with_tools"])});
  t.Row({"exact duplicates", Num(s["exact_duplicates"]["count"]) + PairsText(s["exact_duplicates"]["examples"], "duplicate")});
  t.Row({"near duplicates", Num(s["near_duplicates"]["count"]) + PairsText(s["near_duplicates"]["examples"], "duplicate")});
  t.Row({"uniqueness", s["uniqueness"].is_null() ? "-" : Percent(s["uniqueness"].get<double>())});
  std::string source = cov["source"].get<std::string>();
  t.Row({"coverage from", source == "meta"       ? "records' meta (" + Num(cov["records_with_meta"]) + " records)"
                          : source == "manifest" ? "manifest.json"
                                                 : "unknown (no meta, no manifest.json)"});
  const Json& balance = s["balance"];
  if (!balance.is_null())
    t.Row({"template balance", Fixed(balance["ratio"].get<double>(), 2) + "x  (max " +
                                   balance["max"]["template"].get<std::string>() + " " + Percent(balance["max"]["share"].get<double>()) +
                                   ", min " + balance["min"]["template"].get<std::string>() + " " +
                                   Percent(balance["min"]["share"].get<double>()) + ")"});
  std::ostringstream body;
  t.Print(body, "  ");
  std::string text = body.str();
  out << text.substr(text.find('\n') + 1);  // no header line for the key/value table

  CountsTable(out, "tool", s["tools"], examples, false);
  CountsTable(out, "template", cov["templates"], examples, true);
  CountsTable(out, "fixture", cov["fixtures"], examples, true);
  for (const auto& [group, counts] : cov["labels"].items()) {
    std::string what = group == "codes" ? "code" : group == "styles" ? "style" : group == "node_kinds" ? "node kind" : group;
    CountsTable(out, what.c_str(), counts, examples, true);
  }
}

}  // namespace

std::string RenderTable(const Json& report) {
  std::ostringstream out;
  const Json& splits = report["splits"];
  out << "trajc stats: " << report["examples"].get<uint64_t>() << " examples in " << report["files"].size() << " file(s), "
      << splits.size() << " split(s); near duplicates: estimated Jaccard >= " << Fixed(report["near_threshold"].get<double>(), 2)
      << " of word 5-grams\n";
  for (const auto& [name, s] : splits.items()) Split(out, name, s);
  for (const Json& o : report["overlap"]) {
    std::string a = o["splits"][0].get<std::string>(), b = o["splits"][1].get<std::string>();
    out << "\noverlap " << a << " / " << b << "\n";
    Table t({"", ""}, true);
    auto row = [&](const char* what, const Json& shared) {
      if (shared.is_null()) {
        t.Row({what, "- (needs meta)"});
        return;
      }
      std::string text = Num(shared["count"]);
      for (const Json& e : shared["examples"]) {
        text += text.find("e.g.") == std::string::npos ? "  e.g. " : ", ";
        if (e.contains("node")) text += e["node"].get<std::string>() + " ";
        text += e[a].get<std::string>() + " = " + e[b].get<std::string>();
        if (e.contains("similarity")) text += " (" + Fixed(e["similarity"].get<double>(), 2) + ")";
      }
      t.Row({what, text});
    };
    row("same records", o["records"]);
    row("alike records", o["near_records"]);
    row("same user turns", o["user_turns"]);
    row("same fixture nodes", o["fixture_nodes"]);
    std::ostringstream body;
    t.Print(body, "  ");
    std::string text = body.str();
    out << text.substr(text.find('\n') + 1);
  }
  const Json& warnings = report["warnings"];
  out << "\n" << (warnings.empty() ? "no warnings" : "warnings:") << "\n";
  for (const Json& w : warnings) out << "  warning: " << w.get<std::string>() << "\n";
  return out.str();
}

}  // namespace trajc::stats
