#pragma once
// Reading the inputs of a run: PATHs, --policy and --calendar files, standard input.
#include <string>
#include <vector>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/load/loader.hpp>

#include "base/context.hpp"

namespace xuncha::cli {

/// The loaded data set plus the calendar built from bundled, data and --calendar facts.
struct Loaded {
  load::LoadResult result;
  Calendar calendar;
};

/// Loads PATHs (and --policy/--calendar files) as the global flags say.
Loaded load_inputs(Context& ctx, const std::vector<std::string>& paths);

/// A year the calendar lacks: stops with exit 2, or with --allow-uncovered adds a warning to
/// stderr. `subject` ("tour X: ") goes before the message.
void uncovered_year(Context& ctx, const Calendar& cal, int year, const Message& subject = {});

/// Renders input diagnostics to stderr text (for commands whose stdout is not findings).
void report_input_errors(Context& ctx, const std::vector<Diagnostic>& diags);

}  // namespace xuncha::cli
